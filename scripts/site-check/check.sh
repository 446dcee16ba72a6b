#!/usr/bin/env bash
# The site and its exports, checked by the real tools (issue 5). See README.md.
#
#   scripts/site-check/check.sh              demo site + self-test (what CI runs)
#   scripts/site-check/check.sh --site-only  demo site only
#   scripts/site-check/check.sh --self-test  self-test only: every check against
#                                            broken fixtures (must FAIL) and the
#                                            XSS fixture site (must PASS)
#   scripts/site-check/check.sh SITE_DIR     an already built site, no self-test
#
# Installs what it needs (Debian chromium, npm packages from package-lock.json,
# Python packages from requirements.txt into a venv), skipping what is already
# there. A check whose tool cannot be installed prints "SKIPPED: <check>: <why>".
# Prints one line per check (PASS / FAIL / SKIPPED) and exits 1 when any FAILs.
# Artifacts (screenshots, the built sites, results) go to target/site-check/.

set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ART="${SITE_CHECK_OUT:-$ROOT/target/site-check}"
FIXTURES="$ROOT/tests/fixtures/site-check"
VNU_JAR="$HERE/node_modules/vnu-jar/build/dist/vnu.jar"
VENV="$ART/venv"
BIN="$ROOT/target/release/summitry"

run_site=1
run_self=1
site_dir=""
case "${1:-}" in
  "") ;;
  --site-only) run_self=0 ;;
  --self-test) run_site=0 ;;
  -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
  -*) echo "check.sh: unknown option $1" >&2; exit 2 ;;
  *) site_dir="$(cd "$1" && pwd)" || exit 2; run_self=0 ;;
esac

mkdir -p "$ART"
START=$SECONDS
SUMMARY=()   # "STATUS<TAB>name<TAB>detail"
FAILED=0
log() { printf '[site-check %3ds] %s\n' "$((SECONDS - START))" "$*"; }

record() { # STATUS NAME DETAIL
  SUMMARY+=("$1"$'\t'"$2"$'\t'"$3")
  case "$1" in
    FAIL) FAILED=1; echo "FAIL: $2: $3" ;;
    SKIPPED) echo "SKIPPED: $2: $3" ;;
    PASS) echo "PASS: $2: $3" ;;
  esac
}

# ------------------------------------------------------------------ installs

APT_UPDATED=0
apt_install() { # PACKAGE...
  if ! command -v apt-get >/dev/null; then return 1; fi
  if [ "$APT_UPDATED" = 0 ]; then
    apt-get update -qq >"$ART/apt-update.log" 2>&1 || { tail -5 "$ART/apt-update.log"; return 1; }
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >"$ART/apt-install.log" 2>&1 \
    || { tail -5 "$ART/apt-install.log"; return 1; }
}

NO_CHROMIUM="" NO_JAVA="" NO_NODE="" NO_NPM_PKG="" NO_PY=""

setup() {
  log "installing what the checks need (skipping what is there)"
  if [ ! -x /usr/bin/chromium ]; then
    log "apt-get install chromium"
    apt_install chromium || NO_CHROMIUM="apt-get install chromium failed"
  fi
  [ -x /usr/bin/chromium ] || NO_CHROMIUM="${NO_CHROMIUM:-/usr/bin/chromium missing}"
  if ! command -v java >/dev/null; then
    log "apt-get install default-jre-headless"
    apt_install default-jre-headless || true
  fi
  command -v java >/dev/null || NO_JAVA="no java (apt-get install default-jre-headless failed)"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "apt-get install nodejs npm"
    apt_install nodejs npm || true
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    NO_NODE="no node/npm (apt-get install nodejs npm failed)"
  else
    # package-lock.json pins every version; npm ci reinstalls only when it changed.
    # --ignore-scripts: vnu-jar's postinstall would download a Java runtime.
    local stamp="$HERE/node_modules/.site-check-lock" p missing=""
    for p in playwright-core axe-core @knight-lab/timelinejs vnu-jar; do
      [ -f "$HERE/node_modules/$p/package.json" ] || missing=1
    done
    if [ -n "$missing" ] || ! cmp -s "$HERE/package-lock.json" "$stamp" 2>/dev/null; then
      log "npm ci (playwright-core, axe-core, @knight-lab/timelinejs, vnu-jar)"
      if (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$ART/npm.log" 2>&1; then
        cp "$HERE/package-lock.json" "$stamp"
      else
        tail -5 "$ART/npm.log"
      fi
    fi
    for p in playwright-core axe-core @knight-lab/timelinejs vnu-jar; do
      [ -f "$HERE/node_modules/$p/package.json" ] || NO_NPM_PKG="$NO_NPM_PKG $p"
    done
  fi
  # Python packages in a venv of our own, so the pins cannot clash with the machine's.
  local pystamp="$VENV/.site-check-requirements"
  if ! cmp -s "$HERE/requirements.txt" "$pystamp" 2>/dev/null; then
    log "pip install -r requirements.txt (icalendar, jsonschema) into $VENV"
    if { [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"; } \
      && "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt" >"$ART/pip.log" 2>&1; then
      cp "$HERE/requirements.txt" "$pystamp"
    else
      tail -5 "$ART/pip.log" 2>/dev/null
    fi
  fi
  "$VENV/bin/python" -c "import icalendar, jsonschema" 2>/dev/null || NO_PY="cannot install icalendar/jsonschema from PyPI (see $ART/pip.log)"
}

# Why a check cannot run ("" when it can).
why_not() { # CHECK
  local need=""
  case "$1" in
    browser|links|axe|no-script|layout|screenshots|timelinejs|timelinejs-no-script)
      [ -n "$NO_CHROMIUM" ] && { echo "$NO_CHROMIUM"; return; }
      [ -n "$NO_NODE" ] && { echo "$NO_NODE"; return; }
      need="playwright-core"
      [ "$1" = axe ] && need="$need axe-core"
      case "$1" in timelinejs*) need="$need @knight-lab/timelinejs" ;; esac ;;
    vnu)
      [ -n "$NO_JAVA" ] && { echo "$NO_JAVA"; return; }
      [ -n "$NO_NODE" ] && { echo "$NO_NODE (vnu-jar comes from npm)"; return; }
      need="vnu-jar" ;;
    ics|json-schema|json-ld|jsonl-csv)
      [ -n "$NO_PY" ] && { echo "$NO_PY"; return; } ;;
  esac
  local p
  for p in $need; do
    case " $NO_NPM_PKG " in *" $p "*) echo "npm package $p could not be installed (see $ART/npm.log)"; return ;; esac
  done
}

# ------------------------------------------------------------------ checks
# Each run_* takes a site directory and a tag naming the run, and writes
# $ART/results/<tag>-<group>.json ({check: {status, problems, notes}}).

RES="$ART/results"

run_pages() { # SITE TAG [SHOTS_DIR]
  local out="$RES/$2-pages.json"
  rm -f "$out"
  if [ -n "$(why_not browser)" ]; then return; fi
  local shots=()
  [ -n "${3:-}" ] && shots=(--shots "$3")
  (cd "$HERE" && node check.mjs pages --site "$1" --results "$out" "${shots[@]}") \
    || echo "check.mjs pages exited $? on $1"
}

run_timelinejs() { # SITE TAG [SHOTS_DIR]
  local out="$RES/$2-timelinejs.json"
  rm -f "$out"
  if [ -n "$(why_not timelinejs)" ]; then return; fi
  # One slide per event that has a date (TimelineJS cannot place undated ones).
  local expect
  expect="$(python3 -c 'import json,sys; print(sum(1 for e in json.load(open(sys.argv[1]))["events"] if e.get("date")))' "$1/timeline.json" 2>/dev/null)" || expect=-1
  local shots=()
  [ -n "${3:-}" ] && shots=(--shots "$3")
  (cd "$HERE" && node check.mjs timelinejs --site "$1" --results "$out" --expect "${expect:--1}" "${shots[@]}") \
    || echo "check.mjs timelinejs exited $? on $1"
}

run_python() { # SITE TAG SCHEMA
  local out="$RES/$2-exports.json"
  rm -f "$out"
  if [ -n "$NO_PY" ]; then return; fi
  "$VENV/bin/python" "$HERE/check_exports.py" "$1" --schema "$3" --results "$out" \
    || echo "check_exports.py exited $? on $1"
}

run_vnu() { # SITE TAG
  local out="$RES/$2-vnu.json"
  rm -f "$out"
  if [ -n "$(why_not vnu)" ]; then return; fi
  # One JVM over every page and stylesheet (start-up is the slow part). The files
  # are named, not the folder: vnu would read the JSON and ICS exports as HTML.
  local list="$RES/$2-vnu-files.txt"
  (cd "$1" && find . -type f \( -name '*.html' -o -name '*.css' \) | sort) >"$list"
  local log="$RES/$2-vnu.txt" rc
  (cd "$1" && xargs -a "$list" -d '\n' java -Xss8m -jar "$VNU_JAR" --errors-only --also-check-css --format gnu) >"$log" 2>&1
  rc=$?
  python3 - "$log" "$out" "$rc" "$(wc -l <"$list")" <<'EOF'
import json, sys
log, out, rc, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
lines = [l for l in open(log, encoding="utf-8", errors="replace").read().splitlines() if l.strip()]
problems = [l.replace('"file:', '"') for l in lines][:50]
if n == 0:
    problems.append("no .html file to check")
elif rc != 0 and not lines:
    problems.append(f"vnu exited {rc} without printing why")
status = "FAIL" if problems else "PASS"
json.dump({"vnu": {"status": status, "problems": problems, "notes": [f"{n} HTML and CSS files, no error"]}}, open(out, "w"), indent=2)
EOF
}

# The status, problems and notes of CHECK in the results of TAG, as
# "STATUS<TAB>first note or problems joined" (MISSING when the check did not run).
result() { # TAG CHECK
  python3 - "$RES" "$1" "$2" <<'EOF'
import glob, json, sys
res, tag, check = sys.argv[1:]
for f in sorted(glob.glob(f"{res}/{tag}-*.json")):
    try:
        data = json.load(open(f, encoding="utf-8"))
    except ValueError:
        continue
    if check in data:
        c = data[check]
        detail = " | ".join(c["problems"]) if c["status"] != "PASS" else "; ".join(c["notes"][-3:])
        print(c["status"] + "\t" + detail.replace("\n", " "))
        sys.exit(0)
print("MISSING\t")
EOF
}

# Print the problems of every check of TAG in full (for a FAIL).
details() { # TAG CHECK
  python3 - "$RES" "$1" "$2" <<'EOF'
import glob, json, sys
res, tag, check = sys.argv[1:]
for f in sorted(glob.glob(f"{res}/{tag}-*.json")):
    data = json.load(open(f, encoding="utf-8"))
    if check in data:
        for p in data[check]["problems"]:
            print(f"    {p}")
        for n in data[check]["notes"]:
            print(f"    (note) {n}")
EOF
}

ALL_CHECKS=(browser links axe no-script layout screenshots vnu timelinejs timelinejs-no-script ics json-schema json-ld jsonl-csv)

# Turn the results of TAG into summary lines: the check must have status WANT.
# For a self-test (WANT=FAIL), NEEDLE must appear in its problems, so it failed
# for the fixture's reason and not another.
judge() { # TAG CHECK LABEL [WANT] [NEEDLE]
  local tag="$1" check="$2" label="$3" want="${4:-PASS}" needle="${5:-}"
  local why
  why="$(why_not "$check")"
  if [ -n "$why" ]; then
    record SKIPPED "$label" "$why"
    return
  fi
  local line status detail
  line="$(result "$tag" "$check")"
  status="${line%%$'\t'*}"
  detail="${line#*$'\t'}"
  if [ "$status" = MISSING ]; then
    record FAIL "$label" "the check did not run (see the log above)"
    return
  fi
  if [ "$want" = PASS ]; then
    if [ "$status" = PASS ]; then
      record PASS "$label" "$detail"
    else
      record FAIL "$label" "$(details "$tag" "$check" | wc -l) problem line(s):"
      details "$tag" "$check"
    fi
  else
    if [ "$status" = FAIL ] && grep -qF -- "$needle" <<<"$detail"; then
      record PASS "$label" "fails as it must: $(grep -oF -- "$needle" <<<"$detail" | head -1) … ($(cut -c1-220 <<<"$detail"))"
    elif [ "$status" = FAIL ]; then
      record FAIL "$label" "failed, but not naming \"$needle\": $detail"
    else
      record FAIL "$label" "did NOT fail on the broken fixture (status $status): the check cannot catch this"
    fi
  fi
}

check_site() { # SITE TAG SCHEMA [SHOTS]
  local site="$1" tag="$2" schema="$3" shots="${4:-}"
  log "$tag: browser checks of every page (Chromium, axe-core)"
  run_pages "$site" "$tag" "$shots"
  log "$tag: Nu HTML Checker"
  run_vnu "$site" "$tag"
  log "$tag: TimelineJS"
  run_timelinejs "$site" "$tag" "$shots"
  log "$tag: exports (icalendar, jsonschema, JSON-LD, JSONL/CSV)"
  run_python "$site" "$tag" "$schema"
}

# ------------------------------------------------------------------ main

setup
mkdir -p "$RES"

# The release binary: builds the demo and fixture sites, prints the schema.
if [ -z "$site_dir" ] || [ "$run_self" = 1 ]; then
  log "cargo build --release"
  if ! (cd "$ROOT" && cargo build --release --locked --quiet) >"$ART/cargo.log" 2>&1; then
    cat "$ART/cargo.log"
    record FAIL build "cargo build --release failed"
    BIN=""
  fi
fi

SCHEMA="$ART/schema.json"
rm -f "$SCHEMA"
if [ -n "$BIN" ] && [ -x "$BIN" ]; then
  "$BIN" schema >"$SCHEMA" 2>"$ART/schema.log" || { echo "summitry schema failed: $(cat "$ART/schema.log")"; rm -f "$SCHEMA"; }
fi
[ -s "$SCHEMA" ] || echo "{\"\$comment\": \"summitry schema gave no schema\", \"not\": {}}" >"$SCHEMA"

build_site() { # CONFIG OUT LABEL [INPUT...]
  local config="$1" out="$2" label="$3"
  shift 3
  rm -rf "$out"
  local rc=0
  (cd "$(dirname "$config")" && "$BIN" build -c "$config" -o "$out" "$@") >"$out.log" 2>&1 || rc=$?
  sed 's/^/    /' "$out.log"
  if [ "$rc" = 2 ] && [ -f "$out/index.html" ]; then
    echo "    ($label: summitry skipped some inputs, see above; the site was written)"
  elif [ "$rc" != 0 ]; then
    record FAIL "$label" "summitry build exited $rc"
    return 1
  fi
  # A site with no event would make every check pass for nothing.
  local n
  n="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$out/timeline.json" 2>/dev/null || echo "?")"
  if [ "$n" = "?" ] || [ "$n" = 0 ]; then
    record FAIL "$label" "the built site has no events (timeline.json: ${n}); the checks would prove nothing"
    return 1
  fi
  record PASS "$label" "$n events ($out)"
}

if [ "$run_site" = 1 ]; then
  if [ -n "$site_dir" ]; then
    SITE="$site_dir"
  else
    SITE="$ART/site"
    log "building the demo site with summitry.toml"
    [ -n "$BIN" ] && build_site "$ROOT/summitry.toml" "$SITE" "demo build" || true
  fi
  if [ -f "$SITE/index.html" ]; then
    for f in index.html review.html timeline.json timeline.jsonl timeline.ics timeline.timelinejs.json timeline.csv; do
      [ -f "$SITE/$f" ] || echo "    note: $SITE/$f is missing"
    done
    rm -rf "$ART/screenshots"
    check_site "$SITE" site "$SCHEMA" "$ART/screenshots"
    for c in "${ALL_CHECKS[@]}"; do judge site "$c" "$c"; done
  else
    record FAIL "site" "no site to check at $SITE"
  fi
fi

if [ "$run_self" = 1 ]; then
  log "self-test: every check against the broken fixtures (each must FAIL)"
  BROKEN="$FIXTURES/broken"
  check_site "$BROKEN" broken "$SCHEMA"
  judge broken browser      "self-test browser (request to another host)" FAIL "foreign-request.html: request to another host"
  judge broken links        "self-test links (broken link)"               FAIL "broken-link.html: <a href=\"events/no-such-event.html\">"
  judge broken axe          "self-test axe (image without alt)"           FAIL "missing-alt.html (light): critical image-alt"
  judge broken no-script    "self-test no-script (a script runs)"         FAIL "script-runs.html: an injected script ran"
  judge broken layout       "self-test layout (narrow column, wide box)"  FAIL "narrow-column.html at 360px"
  judge broken vnu          "self-test vnu (invalid HTML)"                FAIL "invalid-html.html"
  judge broken timelinejs   "self-test timelinejs (slide without a date)" FAIL "1 event slides rendered, expected 2"
  judge broken ics          "self-test ics (bad DTSTART, wrong STATUS)"   FAIL "parse error"
  judge broken json-schema  "self-test json-schema (unknown kind)"        FAIL "'parley' is not one of"
  judge broken json-ld      "self-test json-ld (no startDate, status)"    FAIL "startDate None"
  judge broken jsonl-csv    "self-test jsonl-csv (bad quoting, lost line)" FAIL "not RFC 4180 CSV"

  log "self-test: the XSS fixture articles, built and opened (no script may run)"
  XSS="$ART/xss-site"
  if [ -n "$BIN" ] && build_site "$FIXTURES/xss.toml" "$XSS" "self-test xss build"; then
    # The payloads must have reached the pages as text, or the test proves nothing.
    hits="$(grep -rlF '__xss' "$XSS" --include='*.html' | wc -l)"
    evhits="$(grep -lF '__xss' "$XSS"/events/*.html 2>/dev/null | wc -l)"
    if [ "$evhits" -gt 0 ]; then
      record PASS "self-test xss payloads present" "payload text on $hits pages, $evhits event pages"
    else
      record FAIL "self-test xss payloads present" "no event page shows a payload (on $hits pages in all): the XSS articles gave no event"
    fi
    check_site "$XSS" xss "$SCHEMA" "$ART/screenshots-xss"
    for c in "${ALL_CHECKS[@]}"; do
      case "$c" in screenshots|layout) continue ;; esac  # the demo run judges the layout
      judge xss "$c" "self-test xss $c"
    done
  fi
fi

# ------------------------------------------------------------------ summary
echo
echo "site-check results ($((SECONDS - START)) s; artifacts in ${ART#"$ROOT"/}):"
n_pass=0 n_fail=0 n_skip=0
for line in "${SUMMARY[@]}"; do
  IFS=$'\t' read -r status name detail <<<"$line"
  printf '  %-8s %s\n' "$status" "$name"
  case "$status" in PASS) n_pass=$((n_pass + 1)) ;; FAIL) n_fail=$((n_fail + 1)) ;; SKIPPED) n_skip=$((n_skip + 1)) ;; esac
done
echo "site-check summary: $n_pass PASS, $n_fail FAIL, $n_skip SKIPPED"
exit "$FAILED"
