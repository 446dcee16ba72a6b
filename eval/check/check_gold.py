#!/usr/bin/env python3
"""Check eval/check/gold.jsonl against eval/check/articles/.

Why: the gold file is written by hand; this catches the mistakes a hand-written
file accumulates (a document id that does not exist, a JSONL line out of range,
a malformed date, an article that no event cites). Run from anywhere:

    python3 eval/check/check_gold.py

Exit code 0 when the gold file is consistent, 1 otherwise.
"""
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold.jsonl"

KINDS = {"meeting", "talks", "summit", "conference", "call", "visit",
         "statement", "agreement", "exchange"}
STATUSES = {"held", "planned", "cancelled", "postponed"}
KEYS = ["id", "kind", "date", "end", "participants", "place", "status",
        "documents", "pinnable", "note"]
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def article_ids():
    """Every document id the corpus holds: paths, and path#N for JSONL lines."""
    ids = set()
    for p in sorted(ARTICLES.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(ARTICLES).as_posix()
        if p.suffix == ".jsonl":
            lines = p.read_text(encoding="utf-8").splitlines()
            for n, line in enumerate(lines, 1):
                if line.strip():
                    json.loads(line)  # must parse
                    ids.add(f"{rel}#{n}")
        else:
            ids.add(rel)
    return ids


def valid_date(s):
    if not DATE_RE.match(s):
        return False
    parts = [int(x) for x in s.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1,
                      parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def main():
    errors = []
    ids = article_ids()
    cited = set()
    seen = set()
    for n, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        where = f"gold.jsonl:{n}"
        try:
            ev = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not JSON ({e})")
            continue
        if list(ev.keys()) != KEYS:
            errors.append(f"{where}: keys {list(ev.keys())} != {KEYS}")
            continue
        if ev["id"] in seen:
            errors.append(f"{where}: duplicate id {ev['id']}")
        seen.add(ev["id"])
        if ev["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {ev['kind']}")
        if ev["status"] not in STATUSES:
            errors.append(f"{where}: bad status {ev['status']}")
        d, e = ev["date"], ev["end"]
        if d is not None and not valid_date(d):
            errors.append(f"{where}: bad date {d}")
        if e is not None:
            if not (valid_date(e) and len(e) == 10 and d and len(d) == 10 and e > d):
                errors.append(f"{where}: end {e} must be a day after a day date")
        if ev["pinnable"] != (d is not None and len(d) in (7, 10)):
            errors.append(f"{where}: pinnable={ev['pinnable']} but date={d}")
        if not isinstance(ev["participants"], list):
            errors.append(f"{where}: participants must be a list")
        pl = ev["place"]
        if pl is not None and set(pl) != {"city", "country"}:
            errors.append(f"{where}: place must have city and country")
        if not ev["documents"]:
            errors.append(f"{where}: no documents")
        for doc in ev["documents"]:
            if doc not in ids:
                errors.append(f"{where}: unknown document {doc}")
            cited.add(doc)
        if not ev["note"]:
            errors.append(f"{where}: empty note")
    for doc in sorted(ids - cited):
        errors.append(f"article {doc} is cited by no gold event")
    for msg in errors:
        print(msg)
    files = {i.split("#")[0] for i in ids}
    print(f"{len(seen)} events, {len(ids)} articles in {len(files)} files, "
          f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
