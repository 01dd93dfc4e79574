import { formatVersion, type VersionRange } from "../../lib/lab/format-detect.ts";
import type { LabSummary } from "../../lib/lab/lab-analysis.ts";
import type { Strings } from "../../i18n/en.ts";
import { fill } from "../../i18n/fill.ts";

/** The lab's strings in the page's language, which LabPage.astro puts in the page as JSON. */
export type LabStrings = Strings["lab"]["client"];

/** Creates an element with optional class and text; never parses HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = "",
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className !== "") e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A number in the page's language, with at most `digits` decimals. */
export function num(lang: string, n: number, digits = 0): string {
  return n.toLocaleString(lang, { maximumFractionDigits: digits });
}

/** Bytes as B, KB or MB (decimal units, as file managers show them). */
export function bytes(lang: string, n: number): string {
  if (n < 1000) return `${num(lang, n)} B`;
  if (n < 1e6) return `${num(lang, n / 1000, 1)} KB`;
  return `${num(lang, n / 1e6, 1)} MB`;
}

function versionText(t: LabStrings, v: VersionRange): string {
  const a = v.min === null ? "" : formatVersion(v.min);
  const b = v.max === null ? "" : formatVersion(v.max);
  if (v.conflict) return fill(t.versionConflict, { a, b });
  if (a !== "" && b !== "") return a === b ? fill(t.versionExactly, { v: a }) : fill(t.versionBetween, { a, b });
  if (a !== "") return fill(t.versionAtLeast, { v: a });
  if (b !== "") return fill(t.versionAtMost, { v: b });
  return t.versionUnknown;
}

/** "12 (10 automatic, 2 forced)": the GC cycles of a summary. */
export function gcCyclesText(lang: string, t: LabStrings, s: LabSummary): string {
  const gc = s.gc;
  return fill(t.gcCyclesValue, {
    total: num(lang, gc.cycles),
    automatic: num(lang, gc.automatic),
    forced: num(lang, gc.forced),
  });
}

function row(dl: HTMLDListElement, term: string, ...values: (string | Node)[]): HTMLElement {
  const dd = el("dd");
  dd.append(...values);
  dl.append(el("dt", "", term), dd);
  return dd;
}

/** The summary: source, lines, format and Go version, GC cycles, peaks, pauses. */
export function renderSummary(lang: string, t: LabStrings, s: LabSummary, sourceName: string): HTMLElement {
  const dl = el("dl", "lab-summary");
  dl.dataset["cycles"] = String(s.gc.cycles);
  row(dl, t.source, sourceName);
  row(dl, t.lines, num(lang, s.lines));
  const clues = el("ul", "lab-clues");
  for (const c of s.clues) {
    const li = el("li", "", t.clue[c.code]);
    if (c.line !== null) li.append(el("span", "lab-at", fill(t.atLine, { n: c.line })));
    clues.append(li);
  }
  const version = el("strong", "lab-version", versionText(t, s.versions));
  row(dl, t.format, version, clues);
  const gc = s.gc;
  const cycles = row(dl, t.gcCycles, el("span", "lab-gc-cycles", gcCyclesText(lang, t, s)));
  const extra = [
    ...(gc.periodic > 0 ? [fill(t.periodic, { n: num(lang, gc.periodic) })] : []),
    ...(gc.leakChecks > 0 ? [fill(t.leakChecks, { n: num(lang, gc.leakChecks) })] : []),
  ];
  if (extra.length > 0) cycles.append(el("span", "lab-sub", extra.join(t.separator)));
  const peak = el("span", "lab-peak-live");
  if (gc.peakLiveMB === null) peak.textContent = t.none;
  else {
    peak.dataset["mib"] = String(gc.peakLiveMB);
    peak.textContent = fill(t.peakLiveValue, { mb: num(lang, gc.peakLiveMB), line: gc.peakLiveLine ?? 0 });
  }
  row(dl, t.peakLive, peak);
  row(dl, t.peakHeap, gc.peakHeapMB === null ? t.none : `${num(lang, gc.peakHeapMB)} MiB`);
  const p = gc.pauseMs;
  row(
    dl,
    t.pauses,
    p === null
      ? t.none
      : fill(t.pausesValue, { p50: num(lang, p.p50, 3), p99: num(lang, p.p99, 3), max: num(lang, p.max, 3) }),
    ...(p === null ? [] : [el("span", "lab-sub", t.pausesNote)]),
  );
  return dl;
}

/** Notes about the input as a whole (empty, binary, program output only, …). */
export function renderNotes(t: LabStrings, s: LabSummary): HTMLElement | null {
  if (s.notes.length === 0) return null;
  const box = el("div", "lab-notes");
  for (const n of s.notes) {
    const p = el("p", `lab-note lab-note-${n}`, t.notes[n]);
    box.append(p);
  }
  return box;
}

function table(caption: string, columns: string[], rows: (string | Node)[][], className: string): HTMLElement {
  const wrap = el("div", `lab-table-scroll ${className}`);
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  const tableEl = el("table");
  const head = el("tr");
  for (const c of columns) {
    const th = el("th", "", c);
    th.scope = "col";
    head.append(th);
  }
  tableEl.append(el("thead"), el("tbody"));
  tableEl.tHead?.append(head);
  const body = tableEl.tBodies[0];
  for (const r of rows) {
    const tr = el("tr");
    for (const cell of r) {
      const td = el("td");
      td.append(cell);
      tr.append(td);
    }
    body?.append(tr);
  }
  wrap.append(tableEl);
  return wrap;
}

/** Goroutines by status or wait reason at the last scheddetail snapshot; null without one. */
export function renderSnapshot(lang: string, t: LabStrings, s: LabSummary): HTMLElement | null {
  const snap = s.snapshot;
  if (snap === null) return null;
  const section = el("section", "lab-snapshot");
  section.append(el("h3", "", t.snapshotHeading));
  section.append(
    el("p", "", fill(t.snapshotIntro, { t: num(lang, snap.tMs ?? 0), line: snap.line, n: num(lang, snap.goroutines) })),
  );
  section.append(
    table(
      t.snapshotHeading,
      [t.category, t.count],
      snap.byCategory.map((c) => [el("code", "", c.category), num(lang, c.count)]),
      "lab-snapshot-table",
    ),
  );
  return section;
}

/** Lines that could not be parsed: the first ones with line number, reason and text, and the count. */
export function renderProblems(lang: string, t: LabStrings, s: LabSummary): HTMLElement {
  const section = el("section", "lab-problems");
  section.append(el("h3", "", t.problemsHeading));
  const { count, samples } = s.problems;
  if (count === 0) {
    section.append(el("p", "", t.problemsNone));
    return section;
  }
  const intro = el(
    "p",
    "lab-problem-count",
    fill(t.problemsCount, { shown: num(lang, samples.length), total: num(lang, count) }),
  );
  intro.dataset["count"] = String(count);
  section.append(intro);
  section.append(
    table(
      t.problemsHeading,
      [t.line, t.reason, t.text],
      samples.map((p) => [String(p.line), t.reasons[p.reason], el("code", "", p.text)]),
      "lab-problem-table",
    ),
  );
  return section;
}
