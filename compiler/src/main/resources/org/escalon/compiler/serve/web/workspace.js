// The Escalon workspace page: an editor checked as you type, and beside it the ladder, the worst
// case, the verifier's findings and the play panel. Everything is computed by the server's API.
"use strict";

const state = { path: null, version: 0, diagnostics: [], actions: [], ladder: "" };
const $ = (id) => document.getElementById(id);

async function api(method, body, raw) {
  const response = await fetch("/api/" + method, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
  });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return raw ? response.blob() : response.json();
}

function status(text) { $("status").textContent = text; }

function document_() {
  return { path: state.path || "untitled.esc", text: editor.getValue(), start: $("start").value };
}

// ---- the editor, with diagnostics (lint), completion (hint) and hover

function pos(line, column) { return CodeMirror.Pos(Math.max(line - 1, 0), Math.max(column - 1, 0)); }

function annotations(text, callback) {
  const version = ++state.version;
  api("check", { path: state.path || "untitled.esc", text, version }).then((result) => {
    if (version !== state.version) { return; }
    state.diagnostics = result.diagnostics;
    showProblems(result.diagnostics);
    if (result.ladder) { $("ladder").innerHTML = result.ladder; }
    status(result.current ? "checked" : "errors: showing the last good ladder");
    callback(result.diagnostics.filter((d) => d.span.line > 0).map((d) => {
      const from = pos(d.span.line, d.span.column);
      let to = pos(d.span.endLine, d.span.endColumn);
      if (to.line === from.line && to.ch <= from.ch) { to = CodeMirror.Pos(from.line, from.ch + 1); }
      return { from, to, severity: d.severity,
        message: d.code + ": " + d.message + (d.help ? "\nhelp: " + d.help : "") };
    }));
    refreshSidePanels();
  }).catch((e) => { status("cannot check: " + e.message); callback([]); });
}
annotations.async = true;

function completions(cm, callback) {
  const cursor = cm.getCursor();
  const line = cm.getLine(cursor.line);
  let from = cursor.ch;
  while (from > 0 && /[A-Za-z0-9_]/.test(line.charAt(from - 1))) { from--; }
  api("complete", { path: state.path || "untitled.esc", text: cm.getValue(),
    line: cursor.line + 1, column: cursor.ch + 1 }).then((result) => {
    callback({ list: result.items.map((i) => ({ text: i.label, displayText: i.label + "  — " + i.detail })),
      from: CodeMirror.Pos(cursor.line, from), to: cursor });
  }).catch(() => callback(null));
}
completions.async = true;

const editor = CodeMirror($("editor"), {
  mode: "escalon", lineNumbers: true, matchBrackets: true, indentUnit: 2,
  gutters: ["CodeMirror-lint-markers"],
  lint: { getAnnotations: annotations, async: true, delay: 250 },
  extraKeys: { "Ctrl-Space": (cm) => cm.showHint({ hint: completions, completeSingle: false }) }
});
window.escalonEditor = editor;

editor.on("inputRead", (cm, change) => {
  if (/[A-Za-z ]/.test(change.text.join("")) && !cm.state.completionActive) {
    cm.showHint({ hint: completions, completeSingle: false });
  }
});

let hoverTimer = null;
editor.getWrapperElement().addEventListener("mousemove", (event) => {
  clearTimeout(hoverTimer);
  hoverTimer = setTimeout(() => hoverAt(event), 300);
});
editor.getWrapperElement().addEventListener("mouseleave", () => { $("hover").hidden = true; });

function hoverAt(event) {
  const at = editor.coordsChar({ left: event.clientX, top: event.clientY }, "window");
  api("hover", { path: state.path || "untitled.esc", text: editor.getValue(),
    line: at.line + 1, column: at.ch + 1 }).then((result) => {
    const box = $("hover");
    if (!result.markdown) { box.hidden = true; return; }
    box.textContent = result.markdown.replace(/\*\*/g, "");
    box.style.left = (event.clientX + 12) + "px";
    box.style.top = (event.clientY + 16) + "px";
    box.hidden = false;
  }).catch(() => { $("hover").hidden = true; });
}

function showProblems(diagnostics) {
  const list = $("problems");
  list.innerHTML = "";
  for (const d of diagnostics) {
    const row = document.createElement("div");
    row.className = "problem " + d.severity;
    const where = d.span.line > 0 ? d.span.line + ":" + d.span.column + " " : "";
    const head = document.createElement("div");
    head.textContent = where + d.severity + " " + d.code + ": " + d.message;
    head.addEventListener("click", () => { if (d.span.line > 0) { editor.setCursor(pos(d.span.line, d.span.column)); editor.focus(); } });
    row.appendChild(head);
    if (d.help) {
      const help = document.createElement("div");
      help.className = "help";
      help.textContent = "help: " + d.help;
      row.appendChild(help);
    }
    for (const fix of d.fixes) {
      const button = document.createElement("button");
      button.className = "fix";
      button.textContent = fix.title;
      button.addEventListener("click", () => {
        editor.replaceRange(fix.replacement, pos(fix.span.line, fix.span.column),
          pos(fix.span.endLine, fix.span.endColumn));
        editor.focus();
      });
      row.appendChild(button);
    }
    list.appendChild(row);
  }
  if (diagnostics.length === 0) { list.textContent = "No problems."; }
}

// ---- the side panels

let activeTab = "ladder";
for (const button of document.querySelectorAll("nav button")) {
  button.addEventListener("click", () => {
    activeTab = button.dataset.tab;
    for (const b of document.querySelectorAll("nav button")) { b.classList.toggle("active", b === button); }
    for (const tab of document.querySelectorAll(".tab")) { tab.hidden = tab.id !== "tab-" + activeTab; }
    refreshSidePanels();
  });
}

function hasErrors() { return state.diagnostics.some((d) => d.severity === "error"); }

let sideTimer = null;
function refreshSidePanels() {
  clearTimeout(sideTimer);
  sideTimer = setTimeout(() => {
    if (hasErrors()) { return; }
    if (activeTab === "timeline") { timeline(); }
    if (activeTab === "findings") { findings(); }
    if (activeTab === "play") { play(); }
  }, 200);
}

let timelines = 0;
function timeline() {
  const asked = ++timelines;
  api("timeline", document_()).then((t) => {
    if (asked !== timelines) { return; }
    const table = $("timeline");
    table.innerHTML = "<tr><th>Date</th><th>Day</th><th>Stage</th><th>What happened</th><th>Deadline</th></tr>";
    for (const r of t.rows) {
      const tr = document.createElement("tr");
      for (const v of [r.date, r.workingDay, r.stage, r.what, r.deadline || ""]) {
        const td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      }
      table.appendChild(tr);
    }
  }).catch((e) => status("timeline: " + e.message));
}

let verifications = 0;
function findings() {
  const asked = ++verifications;
  $("findings").textContent = "verifying...";
  api("verify", document_()).then((r) => { if (asked === verifications) { $("findings").textContent = r.text; } })
    .catch((e) => { if (asked === verifications) { $("findings").textContent = e.message; } });
}

// ---- play

function click(action) {
  state.actions.push(action);
  play();
}

let plays = 0;
function play() {
  const body = document_();
  body.actions = state.actions.slice();
  const asked = ++plays;
  api("play", body).then((view) => {
    if (asked !== plays) { return; }  // a later click's answer is on its way
    $("play-stage").textContent = !view.raised ? "not raised" : view.ended ? "ended: " + view.stage : "stage " + view.stage;
    $("play-deadline").textContent = view.deadline;
    $("play-to").textContent = view.to.join(", ");
    $("play-copied").textContent = view.copied.join(", ");
    $("play-clock").textContent = view.clock;
    const refusal = $("play-refusal");
    refusal.hidden = !view.refusal;
    refusal.textContent = view.refusal || "";
    if (view.refusal && state.actions.length === body.actions.length) { state.actions.pop(); }
    const log = $("play-log");
    log.innerHTML = "<tr><th>Date</th><th>Day</th><th>Stage</th><th>What happened</th><th>Deadline</th></tr>";
    for (const r of view.log) {
      const tr = document.createElement("tr");
      for (const v of [r.date, r.workingDay, r.stage, r.what, r.deadline]) {
        const td = document.createElement("td");
        td.textContent = v;
        tr.appendChild(td);
      }
      log.appendChild(tr);
    }
    $("play-scenario").textContent = view.scenario;
  }).catch((e) => { $("play-refusal").hidden = false; $("play-refusal").textContent = e.message; });
}

$("play-raise").addEventListener("click", () => click({ kind: "raise" }));
$("play-pass").addEventListener("click", () => click({ kind: "pass" }));
$("play-respond").addEventListener("click", () => click({ kind: "respond", resolving: $("play-resolving").checked }));
$("play-bypass").addEventListener("click", () => click({ kind: "bypass", target: $("bypass-target").value, reason: $("bypass-reason").value }));
$("play-time").addEventListener("click", () => click({ kind: "time", days: parseInt($("time-days").value, 10) || 5, reason: "more time asked in the workspace" }));
$("play-grant").addEventListener("click", () => click({ kind: "grant" }));
$("play-decide").addEventListener("click", () => click({ kind: "decide", target: $("decide-name").value }));
$("play-reset").addEventListener("click", () => { state.actions = []; play(); });
$("play-download").addEventListener("click", () => {
  download(new Blob([$("play-scenario").textContent], { type: "text/plain" }),
    (state.path || "untitled.esc").replace(/\.esc$/, "") + ".played.scenario");
});

function bypassTargets(text) {
  const select = $("bypass-target");
  const chosen = select.value;
  const targets = [];
  for (const m of text.matchAll(/^\s*stage\s+([A-Za-z0-9_]+)/gm)) { targets.push(m[1]); }
  for (const m of text.matchAll(/^\s*outcome\s+([A-Za-z0-9_]+)/gm)) { targets.push(m[1]); }
  select.innerHTML = "";
  for (const t of targets) {
    const option = document.createElement("option");
    option.value = t;
    option.textContent = /^\d+$/.test(t) || t === "informal" ? "stage " + t : t;
    select.appendChild(option);
  }
  if (targets.includes(chosen)) { select.value = chosen; }
}
editor.on("change", () => bypassTargets(editor.getValue()));

// ---- files, format, save, report

function download(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

async function open(path) {
  const file = await api("open", { path });
  state.path = path;
  state.actions = [];
  editor.setValue(file.text);
  editor.clearHistory();
  status("opened " + path);
}

$("file").addEventListener("change", () => open($("file").value).catch((e) => status(e.message)));

$("format").addEventListener("click", () => {
  api("format", { text: editor.getValue() }).then((r) => {
    const cursor = editor.getCursor();
    editor.setValue(r.text);
    editor.setCursor(cursor);
    status("formatted");
  }).catch((e) => status(e.message));
});

$("save").addEventListener("click", () => {
  if (!state.path) { status("nothing to save: open a file of the workspace"); return; }
  api("save", { path: state.path, text: editor.getValue() })
    .then((r) => status("saved " + r.saved)).catch((e) => status("not saved: " + e.message));
});

$("report").addEventListener("click", () => {
  api("report", document_(), true)
    .then((blob) => download(blob, (state.path || "untitled.esc").replace(/\.esc$/, "") + "-report.html"))
    .catch((e) => status("no report: " + e.message));
});

$("start").addEventListener("change", refreshSidePanels);

(async function init() {
  const today = new Date();
  const monday = new Date(today.getTime() + ((8 - today.getDay()) % 7) * 86400000);
  $("start").value = monday.toISOString().slice(0, 10);
  const files = await api("files", {});
  for (const f of files.files) {
    const option = document.createElement("option");
    option.value = f;
    option.textContent = f;
    $("file").appendChild(option);
  }
  const first = files.first || files.files[0];
  if (first) {
    $("file").value = first;
    await open(first);
  }
})().catch((e) => status(e.message));
