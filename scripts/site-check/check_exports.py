#!/usr/bin/env python3
"""Checks of summitry's exports with the ecosystem's own Python tools.

    python3 check_exports.py SITE_DIR --schema SCHEMA.json --results FILE [--only ics,json-ld]

Checks (each PASS or FAIL in FILE, as JSON like check.mjs writes):

  ics         timeline.ics parses with `icalendar`, with no parse errors; it holds
              one all-day VEVENT per day-precision event of timeline.json (and no
              other), with a unique UID, the event's start and (exclusive) end day,
              its title as SUMMARY and its status as CONFIRMED / TENTATIVE / CANCELLED.
  json-schema timeline.json validates against the output of `summitry schema`
              with `jsonschema` (the schema itself is checked against its metaschema).
  json-ld     each events/*.html page carries one schema.org Event in JSON-LD that
              parses and matches its event in timeline.json: name, startDate /
              endDate at the known precision, location (a Place), attendee (Persons),
              eventStatus and isBasedOn (the http(s) links of its sources).
  jsonl-csv   timeline.jsonl has one event a line, each valid against the schema's
              Event and equal to timeline.json's; timeline.csv parses as RFC 4180
              with one row per event, in the same order.

The timeline.json of the same site is the reference for what every export must
hold, so a check fails when an export disagrees with it, not only when it is
malformed. Exit code 0 when the checks ran (whatever they found), 2 when not.
"""

import argparse
import csv
import datetime as dt
import io
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

MAX_PROBLEMS = 50

# summitry status -> iCalendar STATUS (RFC 5545 3.8.1.11). A postponed event may
# still happen, and one whose status is unknown is not confirmed: both tentative.
ICS_STATUS = {
    "held": "CONFIRMED",
    "planned": "TENTATIVE",
    "postponed": "TENTATIVE",
    "unknown": "TENTATIVE",
    "cancelled": "CANCELLED",
}

# summitry status -> the schema.org eventStatus values allowed for it. A held or
# planned event is scheduled, or rescheduled when the sources moved it.
SCHEMA_ORG = "https://schema.org/"
LD_STATUS = {
    "held": {"EventScheduled", "EventRescheduled"},
    "planned": {"EventScheduled", "EventRescheduled"},
    "postponed": {"EventPostponed"},
    "cancelled": {"EventCancelled"},
    "unknown": {None},  # no guess
}


class Results:
    def __init__(self, names):
        self.checks = {n: {"status": "PASS", "problems": [], "notes": []} for n in names}

    def fail(self, check, msg):
        c = self.checks[check]
        c["status"] = "FAIL"
        if len(c["problems"]) < MAX_PROBLEMS:
            c["problems"].append(msg)
        elif len(c["problems"]) == MAX_PROBLEMS:
            c["problems"].append("… (more left out)")

    def note(self, check, msg):
        self.checks[check]["notes"].append(msg)

    def write(self, path):
        Path(path).write_text(json.dumps(self.checks, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_timeline(site, res, check):
    path = site / "timeline.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        res.fail(check, f"{path}: cannot read the reference timeline: {e}")
        return None


def day(s):
    return dt.date.fromisoformat(s)


# ---------------------------------------------------------------- ics


def check_ics(site, res):
    import icalendar  # imported here so a missing package fails only this check

    timeline = load_timeline(site, res, "ics")
    path = site / "timeline.ics"
    try:
        raw = path.read_bytes()
    except OSError as e:
        res.fail("ics", f"{path}: {e}")
        return
    if timeline is None:
        return
    if not raw.endswith(b"\r\n"):
        res.fail("ics", f"{path}: lines must end in CRLF (RFC 5545 3.1)")
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # icalendar raises ValueError and friends
        res.fail("ics", f"{path}: icalendar cannot parse it: {e}")
        return
    for comp in cal.walk():
        for err in getattr(comp, "errors", []) or []:
            res.fail("ics", f"{path}: {comp.name}: parse error: {err}")
    for prop in ("VERSION", "PRODID"):
        if prop not in cal:
            res.fail("ics", f"{path}: VCALENDAR has no {prop}")

    expected = {}
    for e in timeline.get("events", []):
        d = e.get("date")
        if d and d.get("precision") == "day":
            expected[e["id"]] = e
    seen_uids = set()
    vevents = cal.walk("VEVENT")
    for ve in vevents:
        uid = str(ve.get("UID", ""))
        if not uid:
            res.fail("ics", f"{path}: a VEVENT has no UID ({ve.get('SUMMARY')})")
            continue
        if uid in seen_uids:
            res.fail("ics", f"{path}: UID {uid} appears twice")
        seen_uids.add(uid)
        for prop in ("DTSTAMP", "DTSTART", "SUMMARY", "STATUS"):
            if prop not in ve:
                res.fail("ics", f"{path}: VEVENT {uid} has no {prop}")
        event_id = uid.split("@", 1)[0]
        ev = expected.get(event_id)
        if ev is None:
            res.fail("ics", f"{path}: VEVENT {uid} is not a day-precision event of timeline.json")
            continue
        start = ve.decoded("DTSTART", None)
        if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
            res.fail("ics", f"{path}: VEVENT {uid}: DTSTART is {start!r}, not an all-day DATE")
            continue
        want_start = day(ev["date"]["value"])
        want_end = day(ev["date"].get("end") or ev["date"]["value"]) + dt.timedelta(days=1)
        if start != want_start:
            res.fail("ics", f"{path}: VEVENT {uid}: DTSTART {start} but the event is on {want_start}")
        end = ve.decoded("DTEND", None)
        if end is None and "DURATION" in ve:
            end = start + ve.decoded("DURATION")
        if end is None:
            end = start + dt.timedelta(days=1)  # RFC 5545: a DATE start with no end lasts one day
        if end != want_end:
            res.fail("ics", f"{path}: VEVENT {uid}: ends (exclusive) {end}, expected {want_end}")
        if str(ve.get("SUMMARY", "")) != ev["title"]:
            res.fail("ics", f"{path}: VEVENT {uid}: SUMMARY {str(ve.get('SUMMARY'))!r} is not the title {ev['title']!r}")
        status = str(ve.get("STATUS", ""))
        want = ICS_STATUS.get(ev["status"])
        if status != want:
            res.fail("ics", f"{path}: VEVENT {uid}: STATUS {status!r} for a {ev['status']} event, expected {want!r}")
        place = ev.get("place")
        if place and place.get("name") and place["name"] not in str(ve.get("LOCATION", "")):
            res.fail("ics", f"{path}: VEVENT {uid}: LOCATION {str(ve.get('LOCATION'))!r} does not name {place['name']!r}")
    missing = sorted(set(expected) - {u.split("@", 1)[0] for u in seen_uids})
    for m in missing:
        res.fail("ics", f"{path}: no VEVENT for the day-precision event {m}")
    if len(vevents) != len(expected):
        res.fail("ics", f"{path}: {len(vevents)} VEVENTs, expected {len(expected)} (the day-precision events of timeline.json)")
    statuses = {}
    for ve in vevents:
        statuses[str(ve.get("STATUS", ""))] = statuses.get(str(ve.get("STATUS", "")), 0) + 1
    res.note("ics", f"{len(vevents)} VEVENTs for {len(expected)} day-precision events of {len(timeline.get('events', []))}; statuses {statuses}")


# ---------------------------------------------------------------- json-schema


def load_schema(schema_path, res, check):
    try:
        return json.loads(Path(schema_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        res.fail(check, f"{schema_path}: cannot read the schema: {e}")
        return None


def validator(schema):
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check_schema(site, schema_path, res):
    import jsonschema

    schema = load_schema(schema_path, res, "json-schema")
    timeline = load_timeline(site, res, "json-schema")
    if schema is None or timeline is None:
        return
    try:
        v = validator(schema)
    except jsonschema.SchemaError as e:
        res.fail("json-schema", f"{schema_path}: not a valid JSON Schema: {e.message}")
        return
    errors = sorted(v.iter_errors(timeline), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        res.fail("json-schema", f"timeline.json at {where}: {e.message}")
    res.note("json-schema", f"timeline.json ({len(timeline.get('events', []))} events) against {Path(schema_path).name} ({schema.get('$schema', 'no $schema')})")


# ---------------------------------------------------------------- json-ld


class LdParser(HTMLParser):
    """Collects the text of every <script type="application/ld+json">."""

    def __init__(self):
        super().__init__(convert_charrefs=False)  # script content is raw text anyway
        self.blocks = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and (dict(attrs).get("type") or "").strip().lower() == "application/ld+json":
            self._in = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data


def expected_iso(date):
    """The date as schema.org should show it: only the known parts."""
    value, precision = date["value"], date["precision"]
    return value  # timeline.json already writes the known parts only (2025, 2025-07, 2025-W20, 2025-02-18)


def check_jsonld(site, res):
    timeline = load_timeline(site, res, "json-ld")
    if timeline is None:
        return
    events = {e["id"]: e for e in timeline.get("events", [])}
    docs = {d["id"]: d for d in timeline.get("documents", [])}
    pages = sorted((site / "events").glob("*.html")) if (site / "events").is_dir() else []
    if events and not pages:
        res.fail("json-ld", "timeline.json has events but there is no events/*.html page")
    seen = set()
    for page in pages:
        rel = page.relative_to(site)
        p = LdParser()
        p.feed(page.read_text(encoding="utf-8"))
        if len(p.blocks) != 1:
            res.fail("json-ld", f"{rel}: {len(p.blocks)} JSON-LD blocks, expected 1")
            continue
        try:
            ld = json.loads(p.blocks[0])
        except ValueError as e:
            res.fail("json-ld", f"{rel}: JSON-LD does not parse: {e}")
            continue
        if not isinstance(ld, dict):
            res.fail("json-ld", f"{rel}: JSON-LD is not an object")
            continue
        bad = lambda m: res.fail("json-ld", f"{rel}: {m}")  # noqa: E731
        if ld.get("@context") not in ("https://schema.org", "https://schema.org/", "http://schema.org"):
            bad(f"@context is {ld.get('@context')!r}, not schema.org")
        if ld.get("@type") != "Event":
            bad(f"@type is {ld.get('@type')!r}, not Event")
        ev = events.get(ld.get("identifier")) or next((e for e in events.values() if e["title"] == ld.get("name")), None)
        if ev is None:
            bad(f"names no event of timeline.json (identifier {ld.get('identifier')!r}, name {ld.get('name')!r})")
            continue
        seen.add(ev["id"])
        if ld.get("name") != ev["title"]:
            bad(f"name {ld.get('name')!r}, expected {ev['title']!r}")
        date = ev.get("date")
        if date:
            if ld.get("startDate") != expected_iso(date):
                bad(f"startDate {ld.get('startDate')!r}, expected {expected_iso(date)!r} ({date['precision']} precision)")
            if date.get("end") and ld.get("endDate") != date["end"]:
                bad(f"endDate {ld.get('endDate')!r}, expected {date['end']!r}")
        elif "startDate" in ld:
            bad(f"startDate {ld['startDate']!r} for an undated event")
        place = ev.get("place")
        loc = ld.get("location")
        if place:
            if not isinstance(loc, dict) or loc.get("@type") != "Place" or loc.get("name") != place["name"]:
                bad(f"location {loc!r}, expected a Place named {place['name']!r}")
        elif loc is not None:
            bad(f"location {loc!r} for an event without a place")
        want_people = sorted(p["name"] for p in ev.get("participants", []))
        att = ld.get("attendee", [])
        if isinstance(att, dict):
            att = [att]
        if any(not isinstance(a, dict) or a.get("@type") != "Person" for a in att):
            bad(f"attendee has entries that are not Persons: {att!r}")
        elif sorted(a.get("name") for a in att) != want_people:
            bad(f"attendees {sorted(a.get('name') for a in att)}, expected {want_people}")
        status = ld.get("eventStatus")
        short = status[len(SCHEMA_ORG):] if isinstance(status, str) and status.startswith(SCHEMA_ORG) else status
        if short not in LD_STATUS.get(ev["status"], set()):
            bad(f"eventStatus {status!r} for a {ev['status']} event, expected one of {sorted(str(s) for s in LD_STATUS.get(ev['status'], ()))}")
        urls = sorted(
            {
                docs[s["document"]]["url"]
                for s in ev.get("sources", [])
                if s.get("document") in docs and str(docs[s["document"]].get("url") or "").lower().startswith(("http://", "https://"))
            }
        )
        based = ld.get("isBasedOn", [])
        if isinstance(based, str):
            based = [based]
        for b in based:
            if not (isinstance(b, str) and b.lower().startswith(("http://", "https://"))):
                bad(f"isBasedOn holds {b!r}, not an http(s) URL")
        if sorted(set(b for b in based if isinstance(b, str))) != urls:
            bad(f"isBasedOn {based!r}, expected the sources' links {urls!r}")
        if not based and ev.get("sources"):
            res.note("json-ld", f"{rel}: no isBasedOn (no source has an http(s) link)")
    for missing in sorted(set(events) - seen):
        res.fail("json-ld", f"event {missing} has no events/*.html page with its JSON-LD")
    res.note("json-ld", f"{len(pages)} event pages for {len(events)} events")


# ---------------------------------------------------------------- jsonl-csv


def check_jsonl_csv(site, schema_path, res):
    import jsonschema

    timeline = load_timeline(site, res, "jsonl-csv")
    schema = load_schema(schema_path, res, "jsonl-csv") if schema_path else None
    if timeline is None:
        return
    events = timeline.get("events", [])
    event_validator = None
    if schema and "Event" in schema.get("$defs", {}):
        sub = {"$schema": schema.get("$schema"), "$ref": "#/$defs/Event", "$defs": schema["$defs"]}
        try:
            event_validator = validator(sub)
        except jsonschema.SchemaError as e:
            res.fail("jsonl-csv", f"the schema's Event definition is not valid: {e.message}")
    path = site / "timeline.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError as e:
        res.fail("jsonl-csv", f"{path}: {e}")
        lines = None
    if lines is not None:
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != len(events):
            res.fail("jsonl-csv", f"timeline.jsonl: {len(lines)} lines, expected {len(events)} events")
        for n, (line, ev) in enumerate(zip(lines, events), 1):
            try:
                obj = json.loads(line)
            except ValueError as e:
                res.fail("jsonl-csv", f"timeline.jsonl:{n}: not JSON: {e}")
                continue
            if event_validator:
                for e in event_validator.iter_errors(obj):
                    res.fail("jsonl-csv", f"timeline.jsonl:{n}: {e.message}")
            if obj != ev:
                res.fail("jsonl-csv", f"timeline.jsonl:{n}: differs from event {n} of timeline.json ({ev.get('id')})")
    path = site / "timeline.csv"
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        res.fail("jsonl-csv", f"{path}: {e}")
        return
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        res.fail("jsonl-csv", f"timeline.csv: not RFC 4180 CSV: {e}")
        return
    if not rows:
        res.fail("jsonl-csv", "timeline.csv is empty (no header)")
        return
    header, body = rows[0], rows[1:]
    if len(body) != len(events):
        res.fail("jsonl-csv", f"timeline.csv: {len(body)} rows, expected {len(events)} events")
    for n, row in enumerate(body, 2):
        if len(row) != len(header):
            res.fail("jsonl-csv", f"timeline.csv:{n}: {len(row)} fields, the header has {len(header)}")
    if "id" in header:
        i = header.index("id")
        ids = [r[i] for r in body if len(r) > i]
        if ids != [e["id"] for e in events]:
            res.fail("jsonl-csv", "timeline.csv: the id column is not the events of timeline.json in order")
    else:
        res.fail("jsonl-csv", "timeline.csv: no id column")
    res.note("jsonl-csv", f"{len(lines or [])} JSON lines, {len(body)} CSV rows × {len(header)} columns")


CHECKS = ["ics", "json-schema", "json-ld", "jsonl-csv"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--schema", help="JSON Schema of timeline.json (output of `summitry schema`)")
    ap.add_argument("--results", required=True)
    ap.add_argument("--only", default=",".join(CHECKS), help="comma-separated checks to run")
    args = ap.parse_args()
    only = [c for c in args.only.split(",") if c]
    unknown = [c for c in only if c not in CHECKS]
    if unknown:
        ap.error(f"unknown checks: {unknown}")
    res = Results(only)
    for c in only:
        try:
            if c == "ics":
                check_ics(args.site, res)
            elif c == "json-schema":
                if not args.schema:
                    res.fail(c, "no --schema given")
                else:
                    check_schema(args.site, args.schema, res)
            elif c == "json-ld":
                check_jsonld(args.site, res)
            elif c == "jsonl-csv":
                check_jsonl_csv(args.site, args.schema, res)
        except ImportError as e:
            res.checks[c] = {"status": "SKIPPED", "problems": [f"cannot import: {e}"], "notes": []}
        except Exception as e:  # a crash in a check is a failure of that check, with its reason
            res.fail(c, f"check crashed: {type(e).__name__}: {e}")
    res.write(args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
