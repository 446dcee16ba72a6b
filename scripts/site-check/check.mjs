// Browser checks of a built summitry site, in Debian's headless Chromium driven
// by playwright-core. Called by check.sh; see README.md.
//
//   node check.mjs pages      --site DIR --results FILE [--shots DIR]
//   node check.mjs timelinejs --site DIR --results FILE --expect N
//
// `pages` serves DIR on 127.0.0.1 and opens every *.html file under it. It
// records, per check, the problems it finds:
//   browser     console errors, uncaught exceptions, failed requests, HTTP errors,
//               any request to a host other than 127.0.0.1 (aborted, never sent);
//   links       every href/src on every page that points into the site answers
//               200, every #fragment names an element of its target page, and no
//               attribute holds a javascript:/vbscript:/data:text/html URL;
//   axe         axe-core's serious and critical violations (light and dark scheme);
//   no-script   an injected script never runs: window.__xss stays unset and no
//               alert/confirm/prompt dialog opens (the XSS fixtures set the flag);
//   screenshots timeline, one event page and the review page at 1280 and 360 px.
// `timelinejs` loads DIR/timeline.timelinejs.json into TimelineJS from the npm
// package in a page on 127.0.0.1 and checks it renders N slides with no errors.
//
// Results go to FILE as JSON: {check: {status: "PASS"|"FAIL", problems: [...]}}.
// The exit code is 0 when the checks could run (whatever they found), 2 when
// they could not (no Chromium, bad arguments).

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(HERE, "node_modules");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// The flags this machine needs: no background traffic (the network is closed),
// no sandbox (we run as root), no GPU.
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const BAD_URL = /^\s*(javascript|vbscript|data:text\/html)/i;
const MAX_PROBLEMS = 50; // per check, so a broken site does not flood the log

function parseArgs(argv) {
  const out = { mode: argv[0] };
  for (let i = 1; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    out[key] = argv[i + 1];
  }
  return out;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
  ".jsonl": "application/x-ndjson; charset=utf-8", ".ics": "text/calendar; charset=utf-8",
  ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf",
  ".eot": "application/vnd.ms-fontobject", ".txt": "text/plain; charset=utf-8",
};

/** A static server on 127.0.0.1 (a free port): `mounts` maps URL prefixes to
 *  directories, `extra` maps exact URL paths to [type, body]. */
function serve(mounts, extra = {}) {
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (extra[urlPath]) {
      const [type, body] = extra[urlPath];
      res.writeHead(200, { "content-type": type }).end(body);
      return;
    }
    for (const [prefix, dir] of mounts) {
      if (!urlPath.startsWith(prefix)) continue;
      let file = path.join(dir, urlPath.slice(prefix.length));
      if (!file.startsWith(path.resolve(dir))) break; // no way out of the mount
      try {
        if (fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
        const body = fs.readFileSync(file);
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      } catch {
        break;
      }
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

function htmlFiles(dir, rel = "") {
  const out = [];
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...htmlFiles(dir, r));
    else if (/\.html?$/.test(ent.name)) out.push(r);
  }
  return out;
}

class Results {
  constructor(names) {
    this.checks = {};
    for (const n of names) this.checks[n] = { status: "PASS", problems: [], notes: [] };
  }
  fail(check, msg) {
    const c = this.checks[check];
    c.status = "FAIL";
    if (c.problems.includes(msg)) return;
    if (c.problems.length < MAX_PROBLEMS) c.problems.push(msg);
    else if (c.problems.length === MAX_PROBLEMS) c.problems.push("… (more left out)");
  }
  note(check, msg) {
    this.checks[check].notes.push(msg);
  }
  write(file) {
    fs.writeFileSync(file, JSON.stringify(this.checks, null, 2) + "\n");
  }
}

async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  const userDataDir = fs.mkdtempSync(path.join(process.env.TMPDIR || "/tmp", "site-check-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    serviceWorkers: "block",
  });
  return { context, userDataDir };
}

// URLs aborted because they point to another host: reported once, when blocked,
// not again as a failed request or as the console error that follows.
const FOREIGN = new Set();

/** Watch one page: everything that goes wrong is reported to `bad(check, msg)`. */
function watch(page, label, bad) {
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (FOREIGN.has(m.location()?.url) && /ERR_BLOCKED_BY_CLIENT/.test(m.text())) return;
    bad("browser", `${label}: console error: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ""}`);
  });
  page.on("pageerror", (e) => bad("browser", `${label}: uncaught exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (FOREIGN.has(r.url())) return;
    bad("browser", `${label}: request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) bad("browser", `${label}: HTTP ${r.status()} for ${r.url()}`);
  });
  page.on("dialog", async (d) => {
    bad("no-script", `${label}: a script opened a ${d.type()} dialog: ${JSON.stringify(d.message())}`);
    await d.dismiss().catch(() => {});
  });
}

async function guardRequests(context, bad, currentLabel) {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    let host = "";
    try {
      host = new URL(url).hostname;
    } catch {}
    if (host === "127.0.0.1" || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    FOREIGN.add(url);
    bad("browser", `${currentLabel()}: request to another host (blocked): ${url}`);
    return route.abort("blockedbyclient");
  });
}

// Runs in the page: every URL-bearing attribute, and the ids of the page.
function collectInPage() {
  const attrs = [];
  const sel = "[href],[src],[srcset],[action],[formaction],[poster],[data],[xlink\\:href]";
  for (const el of document.querySelectorAll(sel)) {
    for (const name of ["href", "src", "action", "formaction", "poster", "data", "xlink:href"]) {
      const v = el.getAttribute(name);
      if (v !== null) attrs.push({ tag: el.tagName.toLowerCase(), name, value: v, abs: name === "href" && el.href && typeof el.href === "string" ? el.href : null });
    }
    const srcset = el.getAttribute("srcset");
    if (srcset) for (const part of srcset.split(",")) attrs.push({ tag: el.tagName.toLowerCase(), name: "srcset", value: part.trim().split(/\s+/)[0], abs: null });
  }
  // Inline event handlers or javascript: in any attribute mean article text became markup.
  const handlers = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) handlers.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`);
    }
  }
  const ids = Array.from(document.querySelectorAll("[id]"), (e) => e.id);
  const names = Array.from(document.querySelectorAll("a[name]"), (e) => e.getAttribute("name"));
  return { attrs, handlers, ids: ids.concat(names), xss: window.__xss === undefined ? null : String(window.__xss) };
}

async function runAxe(page, label, bad, axeSource, scheme) {
  if (!axeSource) return;
  await page.evaluate(axeSource);
  const res = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })) }));
  });
  for (const v of res) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    const where = v.nodes.slice(0, 3).map((n) => `${n.target} [${(n.summary || "").replace(/\s+/g, " ").slice(0, 160)}]`).join("; ");
    bad("axe", `${label} (${scheme}): ${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} node(s): ${where}`);
  }
}

async function pages(args) {
  const site = path.resolve(args.site);
  const results = new Results(["browser", "links", "axe", "no-script", "layout", ...(args.shots ? ["screenshots"] : [])]);
  const bad = (c, m) => results.fail(c, m);
  const files = htmlFiles(site);
  if (files.length === 0) bad("browser", `no .html file under ${site}`);
  const { server, origin } = await serve([["/", site]]);
  const { context, userDataDir } = await launch();
  let label = "";
  await guardRequests(context, bad, () => label);
  // A flag the XSS fixtures' payloads set; defined before any page script runs
  // so a payload that only *reads* it cannot hide.
  await context.addInitScript(() => {
    window.alert = window.confirm = window.prompt = function (m) { window.__xss = "dialog:" + m; };
  });
  // Without axe-core (not installed) the other checks still run; check.sh
  // reports axe as SKIPPED.
  const axeFile = path.join(MODULES, "axe-core", "axe.min.js");
  const axeSource = fs.existsSync(axeFile) ? fs.readFileSync(axeFile, "utf8") : null;
  if (!axeSource) results.checks.axe = { status: "SKIPPED", problems: [`${axeFile} missing`], notes: [] };
  const page = await context.newPage();
  watch(page, "(page)", (c, m) => bad(c, m.replace("(page)", label)));

  const idsOf = new Map(); // page path -> Set of ids
  const wanted = []; // {from, url (absolute, same origin), fragment}
  const status = new Map(); // same-origin path -> HTTP status
  for (const rel of files) {
    label = rel;
    const url = `${origin}/${rel}`;
    let resp;
    try {
      resp = await page.goto(url, { waitUntil: "load", timeout: 30000 });
    } catch (e) {
      bad("browser", `${rel}: cannot load: ${e.message}`);
      continue;
    }
    if (!resp || resp.status() !== 200) bad("links", `${rel}: HTTP ${resp && resp.status()}`);
    // The optional filter script runs on DOMContentLoaded (defer); give it a tick.
    await page.waitForTimeout(20);
    const info = await page.evaluate(collectInPage);
    const here = new URL(url).pathname;
    idsOf.set(here, new Set(info.ids));
    if (info.xss !== null) bad("no-script", `${rel}: an injected script ran (window.__xss = ${JSON.stringify(info.xss)})`);
    for (const h of info.handlers) bad("no-script", `${rel}: inline event handler in the page: ${h}`);
    for (const a of info.attrs) {
      if (BAD_URL.test(a.value)) {
        bad("no-script", `${rel}: <${a.tag} ${a.name}="${a.value.slice(0, 80)}"> is a script URL`);
        continue;
      }
      let target;
      try {
        target = new URL(a.value, url);
      } catch {
        bad("links", `${rel}: <${a.tag} ${a.name}="${a.value}"> is not a URL`);
        continue;
      }
      if (target.origin !== origin) continue; // links out (sources) are not followed
      wanted.push({ from: rel, tag: a.tag, name: a.name, value: a.value, path: target.pathname, fragment: decodeURIComponent(target.hash.slice(1)) });
    }
    await runAxe(page, rel, bad, axeSource, "light");
  }
  // The dark scheme has its own colours: check contrast there too, on the pages
  // whose kinds differ (the timeline, the review, one page of each folder).
  const byFolder = new Map();
  for (const rel of files) {
    const folder = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : rel;
    if (!byFolder.has(folder)) byFolder.set(folder, rel);
  }
  await page.emulateMedia({ colorScheme: "dark" });
  for (const rel of byFolder.values()) {
    label = `${rel} (dark)`;
    await page.goto(`${origin}/${rel}`, { waitUntil: "load" }).catch((e) => bad("browser", `${label}: cannot load: ${e.message}`));
    await runAxe(page, rel, bad, axeSource, "dark");
  }
  await page.emulateMedia({ colorScheme: "light" });

  // Layout at phone and desktop widths, on the same pages plus the timeline,
  // the review and the richest event page (the ones photographed).
  const layoutPages = new Set([...byFolder.values(), ...["index.html", "review.html", richestEvent(site)].filter((r) => r && files.includes(r))]);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const rel of layoutPages) {
      label = `${rel} at ${width}px`;
      const ok = await page.goto(`${origin}/${rel}`, { waitUntil: "load" }).then(() => true, (e) => bad("browser", `${label}: cannot load: ${e.message}`));
      if (ok) await layout(page, rel, width, bad);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Every internal target: fetch it once (the pages were served the same way).
  for (const w of wanted) {
    if (!status.has(w.path)) {
      try {
        const r = await fetch(origin + w.path, { redirect: "manual" });
        status.set(w.path, r.status);
      } catch (e) {
        status.set(w.path, `error ${e.message}`);
      }
    }
    const s = status.get(w.path);
    if (s !== 200) {
      bad("links", `${w.from}: <${w.tag} ${w.name}="${w.value}"> → ${w.path}: ${s === 404 ? "404 not found" : s}`);
      continue;
    }
    if (w.fragment && /\.html?$|\/$/.test(w.path)) {
      const key = w.path.endsWith("/") ? w.path + "index.html" : w.path;
      const ids = idsOf.get(key);
      if (ids && !ids.has(w.fragment)) bad("links", `${w.from}: <${w.tag} ${w.name}="${w.value}">: no element with id "${w.fragment}" in ${key}`);
    }
  }
  results.note("browser", `${files.length} pages opened`);
  results.note("links", `${wanted.length} internal references to ${status.size} distinct files checked`);
  results.note("axe", `${files.length} pages in the light scheme, ${byFolder.size} in the dark one`);
  results.note("layout", `${layoutPages.size} pages checked at 360 and 1280 px`);
  results.note("no-script", `${files.length} pages checked for window.__xss, dialogs, inline event handlers and script URLs`);

  if (args.shots) await screenshots(context, origin, site, args.shots, results, (l) => (label = l));

  await context.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  results.write(args.results);
}

// Runs in the page: words (letters or digits, 2 to 20 of them) that the layout
// breaks across two lines, which happens only when a box is narrower than a word
// and the CSS lets it break anywhere. Long URLs and identifiers may break; these not.
function brokenWords() {
  const examples = [];
  let count = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const re = /[\p{L}\p{N}]{2,20}/gu;
    let m;
    while ((m = re.exec(node.data))) {
      const end = m.index + m[0].length;
      // Part of a longer token (a URL, a file name): leave it.
      if (/[^\s\p{P}]/u.test(node.data[end] || " ") || /[\/._@:-]/.test(node.data[end] || "") || /[\/._@:-]/.test(node.data[m.index - 1] || "")) continue;
      range.setStart(node, m.index);
      range.setEnd(node, end);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.length > 1 && Math.abs(rects[0].top - rects[rects.length - 1].top) > 2) {
        count += 1;
        if (examples.length < 6) {
          const el = node.parentElement;
          examples.push(`"${m[0]}" in <${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""}> ${Math.round(el.getBoundingClientRect().width)}px wide`);
        }
      }
    }
  }
  return { count, examples };
}

// Runs in the page: elements that stick out of the viewport on the right.
function overflowRight() {
  const w = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1 && getComputedStyle(el).position !== "fixed") wide.push(`${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""} (right edge ${Math.round(r.right)}px)`);
  }
  return { scroll: document.documentElement.scrollWidth, w, wide: wide.slice(0, 5) };
}

/** The event page with the most quoted sources (it shows the most of the layout). */
function richestEvent(site) {
  const dir = path.join(site, "events");
  if (!fs.existsSync(dir)) return null;
  let best = null;
  let bestCount = -1;
  for (const e of htmlFiles(dir)) {
    const n = (fs.readFileSync(path.join(dir, e), "utf8").match(/<blockquote/g) || []).length;
    if (n > bestCount) [best, bestCount] = [`events/${e}`, n];
  }
  return best;
}

/** Layout problems of the page open in `page` at the current width. */
async function layout(page, rel, width, bad) {
  const o = await page.evaluate(overflowRight);
  if (o.scroll > o.w + 1) bad("layout", `${rel} at ${width}px: the page is ${o.scroll}px wide and scrolls sideways: ${o.wide.join(", ")}`);
  const split = await page.evaluate(brokenWords);
  if (split.count > 0) bad("layout", `${rel} at ${width}px: ${split.count} word(s) broken mid-word across lines (a box too narrow for its text), e.g. ${split.examples.join(", ")}`);
}

async function screenshots(context, origin, site, dir, results, setLabel) {
  fs.mkdirSync(dir, { recursive: true });
  const bad = (c, m) => results.fail(c, m);
  const targets = [["timeline", "index.html"], ["review", "review.html"]];
  const best = richestEvent(site);
  if (best) targets.splice(1, 0, ["event", best]);
  else bad("screenshots", "no events/*.html page to photograph");
  const page = await context.newPage();
  const shots = [];
  watch(page, "(screenshot)", bad);
  for (const [name, rel] of targets) {
    if (!fs.existsSync(path.join(site, rel))) {
      bad("screenshots", `${rel} does not exist`);
      continue;
    }
    for (const [width, height, tag] of [[1280, 900, "desktop"], [360, 740, "phone"]]) {
      for (const scheme of tag === "desktop" ? ["light", "dark"] : ["light"]) {
        setLabel(`${rel} screenshot`);
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${origin}/${rel}`, { waitUntil: "load" });
        const file = path.join(dir, `${name}-${tag}${scheme === "dark" ? "-dark" : ""}.png`);
        await page.screenshot({ path: file, fullPage: true });
        shots.push(path.basename(file));
      }
    }
  }
  results.note("screenshots", `${shots.length} in ${path.resolve(dir)}: ${shots.join(", ")}`);
  await page.close();
}

async function timelinejs(args) {
  const site = path.resolve(args.site);
  const expect = Number(args.expect);
  const results = new Results(["timelinejs", "timelinejs-no-script"]);
  const bad = (c, m) => results.fail(c === "no-script" ? "timelinejs-no-script" : "timelinejs", m.replace(/^\(page\)/, "timelinejs page"));
  const exportFile = path.join(site, "timeline.timelinejs.json");
  if (!fs.existsSync(exportFile)) {
    bad("timelinejs", `${exportFile} does not exist`);
    results.write(args.results);
    return;
  }
  const dist = path.join(MODULES, "@knight-lab", "timelinejs", "dist");
  // The harness: TimelineJS from the npm package, every asset from 127.0.0.1
  // (script_path points the language loader at the local copy; font: null keeps
// the default font CSS, which loads web fonts from another host, out).
  const harness = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS check</title>
<link rel="stylesheet" href="/_tl/css/timeline.css">
<script src="/_tl/js/timeline.js"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 650px"></div>
<script>
window.__tl = { state: "loading", errors: [] };
fetch("/timeline.timelinejs.json")
  .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
  .then(function (data) {
    var t = new TL.Timeline("timeline", data, {
      script_path: location.origin + "/_tl/js/",
      font: null, language: "en", ga_measurement_id: null, hash_bookmark: false,
    });
    window.__timeline = t;
    t.on("loaded", function () { window.__tl.state = "loaded"; });
    setTimeout(function () {
      if (window.__tl.state !== "loaded") {
        window.__tl.state = "timeout";
      }
    }, 15000);
  })
  .catch(function (e) { window.__tl.state = "error"; window.__tl.errors.push(String(e)); });
</script></body></html>`;
  const { server, origin } = await serve([["/_tl/", dist]], {
    "/index.html": ["text/html; charset=utf-8", harness],
    "/timeline.timelinejs.json": ["application/json; charset=utf-8", fs.readFileSync(exportFile)],
  });
  const { context, userDataDir } = await launch();
  await guardRequests(context, bad, () => "timelinejs page");
  await context.addInitScript(() => {
    window.alert = window.confirm = window.prompt = function (m) { window.__xss = "dialog:" + m; };
  });
  const page = await context.newPage();
  watch(page, "(page)", bad);
  await page.goto(`${origin}/index.html`, { waitUntil: "load" });
  await page.waitForFunction(() => window.__tl.state !== "loading", null, { timeout: 20000 }).catch(() => {});
  await page.waitForTimeout(300);
  const info = await page.evaluate(() => {
    const t = window.__timeline;
    const cfg = t && t.config;
    const errs = cfg && cfg.messages ? cfg.messages.errors.map(String) : [];
    const warns = cfg && cfg.messages ? cfg.messages.warnings.map(String) : [];
    const msg = document.querySelector(".tl-message-content");
    const hasTitle = !!(cfg && cfg.title);
    return {
      state: window.__tl.state, errors: window.__tl.errors.concat(errs), warnings: warns,
      message: msg && msg.offsetParent !== null ? msg.textContent : "",
      events: cfg && cfg.events ? cfg.events.length : -1,
      slides: document.querySelectorAll(".tl-storyslider .tl-slide").length - (hasTitle ? 1 : 0),
      markers: document.querySelectorAll(".tl-timenav .tl-timemarker").length,
      headlines: Array.from(document.querySelectorAll(".tl-slide .tl-headline"), (h) => h.textContent).slice(0, 3),
      xss: window.__xss === undefined ? null : String(window.__xss),
    };
  });
  if (info.state !== "loaded") bad("timelinejs", `TimelineJS did not finish loading (state ${info.state})`);
  for (const e of info.errors) bad("timelinejs", `TimelineJS error: ${e}`);
  if (info.message.trim()) bad("timelinejs", `TimelineJS shows a message: ${info.message.trim().slice(0, 200)}`);
  if (info.slides !== expect) bad("timelinejs", `${info.slides} event slides rendered, expected ${expect}`);
  if (info.markers !== expect) bad("timelinejs", `${info.markers} markers on the time axis, expected ${expect}`);
  if (info.xss !== null) bad("timelinejs-no-script", `an injected script ran (window.__xss = ${JSON.stringify(info.xss)})`);
  for (const w of info.warnings) results.note("timelinejs", `warning: ${w}`);
  results.note("timelinejs-no-script", "checked for window.__xss and dialogs");
  results.note("timelinejs", `${info.slides} slides, ${info.markers} markers; first headlines: ${JSON.stringify(info.headlines)}`);
  if (args.shots) {
    fs.mkdirSync(args.shots, { recursive: true });
    await page.screenshot({ path: path.join(args.shots, "timelinejs.png") });
  }
  await context.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  results.write(args.results);
}

const args = parseArgs(process.argv.slice(2));
try {
  if (args.mode === "pages" && args.site && args.results) await pages(args);
  else if (args.mode === "timelinejs" && args.site && args.results && args.expect !== undefined) await timelinejs(args);
  else {
    console.error("usage: node check.mjs pages --site DIR --results FILE [--shots DIR]\n       node check.mjs timelinejs --site DIR --results FILE --expect N [--shots DIR]");
    process.exit(2);
  }
} catch (e) {
  console.error(`check.mjs: ${e.stack || e}`);
  process.exit(2);
}
