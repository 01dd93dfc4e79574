import { formatVersion, type VersionRange } from "../../lib/lab/format-detect.ts";
import type { LabSummary, LineNote } from "../../lib/lab/lab-summary.ts";
import { fill } from "../../i18n/fill.ts";
import { el, lineList, num, plural, table, type LabStrings } from "./lab-dom.ts";

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

const sub = (text: string): HTMLElement => el("span", "lab-sub", text);

/** The summary: source, lines, prefixes, format and Go version, runs, GC cycles, peaks, pauses, goroutines, dumps. */
export function renderSummary(lang: string, t: LabStrings, s: LabSummary, sourceName: string): HTMLElement {
  const dl = el("dl", "lab-summary");
  dl.dataset["cycles"] = String(s.gc.cycles);
  row(dl, t.source, sourceName);
  row(dl, t.lines, num(lang, s.lines));
  if (s.prefix !== null) {
    const p = s.prefix;
    const formats = p.formats.map((f) => plural(lang, f.lines, t.prefixLines, { format: t.prefixFormats[f.format] }));
    const dd = row(dl, t.prefix, el("span", "lab-prefix", formats.join(t.separator)));
    if (p.firstWall !== null && p.lastWall !== null) {
      dd.append(
        sub(
          fill(t.prefixTimes, {
            from: p.firstWall,
            to: p.lastWall,
            zone: p.zone === null ? "" : fill(t.prefixZone, { zone: p.zone }),
          }),
        ),
      );
    }
    if (p.joinedPieces > 0) dd.append(sub(plural(lang, p.joinedPieces, t.prefixPieces)));
  }
  const clues = el("ul", "lab-clues");
  for (const c of s.clues) {
    const li = el("li", "", t.clue[c.code]);
    if (c.line !== null) li.append(el("span", "lab-at", fill(t.atLine, { n: c.line })));
    clues.append(li);
  }
  row(dl, t.format, el("strong", "lab-version", versionText(t, s.versions)), clues);
  if (s.runs.count > 1) {
    const starts = s.runs.list.slice(1, 6).map((r) => num(lang, r.line));
    const more = s.runs.count > 6 ? "…" : "";
    row(
      dl,
      t.runs,
      el("span", "lab-runs", plural(lang, s.runs.count, t.runsValue, { lines: starts.join(", ") + more })),
    );
  }
  const gc = s.gc;
  const cycles = row(dl, t.gcCycles, el("span", "lab-gc-cycles", gcCyclesText(lang, t, s)));
  const extra = [
    ...(gc.periodic > 0 ? [fill(t.periodic, { n: num(lang, gc.periodic) })] : []),
    ...(gc.leakChecks > 0 ? [fill(t.leakChecks, { n: num(lang, gc.leakChecks) })] : []),
    ...(gc.missing > 0 ? [plural(lang, gc.missing, t.gcMissing)] : []),
  ];
  if (extra.length > 0) cycles.append(sub(extra.join(t.separator)));
  // Without a gctrace line (a goroutine dump alone) there is no heap or pause to tell of.
  const p = gc.pauseMs;
  if (gc.peakLiveMB !== null && p !== null) {
    const peak = el("span", "lab-peak-live");
    peak.dataset["mib"] = String(gc.peakLiveMB);
    peak.textContent = fill(t.peakLiveValue, { mb: num(lang, gc.peakLiveMB), line: gc.peakLiveLine ?? 0 });
    row(dl, t.peakLive, peak);
    row(dl, t.peakHeap, `${num(lang, gc.peakHeapMB ?? 0)} MiB`);
    const pauses = fill(t.pausesValue, {
      p50: num(lang, p.p50, 3),
      p99: num(lang, p.p99, 3),
      max: num(lang, p.max, 3),
    });
    row(dl, t.pauses, pauses, sub(t.pausesNote));
  }
  const snap = s.snapshot;
  if (snap !== null) {
    const live = el("span", "lab-goroutines", fill(t.goroutinesValue, { live: num(lang, snap.live) }));
    live.dataset["live"] = String(snap.live);
    live.dataset["dead"] = String(snap.dead);
    const dd = row(dl, t.goroutines, live);
    if (snap.leaked > 0) dd.append(sub(plural(lang, snap.leaked, t.goroutinesLeaked)));
    if (snap.dead > 0) dd.append(sub(plural(lang, snap.dead, t.goroutinesDead)));
  }
  if (s.dumps.count > 0) row(dl, t.dumpsRow, plural(lang, s.dumps.count, t.dumpsValue));
  return dl;
}

/** Notes about the input as a whole (empty, binary, program output only, several runs, …). */
export function renderNotes(t: LabStrings, s: LabSummary): HTMLElement | null {
  if (s.notes.length === 0) return null;
  const box = el("div", "lab-notes");
  for (const n of s.notes) {
    box.append(el("p", `lab-note lab-note-${n}`, fill(t.notes[n], { reason: s.gzipError ?? "" })));
  }
  return box;
}

/** Goroutines by status or wait reason at the last scheddetail snapshot, dead ones apart; null without one. */
export function renderSnapshot(lang: string, t: LabStrings, s: LabSummary): HTMLElement | null {
  const snap = s.snapshot;
  if (snap === null) return null;
  const section = el("section", "lab-snapshot");
  section.append(el("h3", "", t.snapshotHeading));
  section.append(
    el("p", "", plural(lang, snap.live, t.snapshotIntro, { t: num(lang, snap.tMs ?? 0), line: snap.line })),
  );
  if (snap.dead > 0) section.append(el("p", "lab-snapshot-dead", plural(lang, snap.dead, t.snapshotDead)));
  const rows = snap.byCategory.map((c) => {
    const name = el("span");
    name.append(el("code", "", c.category));
    if (!c.live) name.append(" ", el("span", "lab-sub-inline", t.deadRow));
    return [name, num(lang, c.count)];
  });
  section.append(table(t.snapshotHeading, [t.category, t.count], rows, "lab-snapshot-table"));
  return section;
}

/** A note's words, from its fields. */
function noteText(lang: string, t: LabStrings, n: LineNote): string {
  const lines = n.lines ?? [];
  const values = { pieces: num(lang, lines.length), lines: lineList(lang, lines) };
  if (n.reason === "gc-missing") {
    const [a, b] = n.missingGcs ?? [0, 0];
    return plural(lang, b - a + 1, t.noteMissing, { a: num(lang, a), b: num(lang, b) });
  }
  if (n.reason === "split") return t.noteSplit;
  if (n.gc !== null) return plural(lang, lines.length, t.noteJoinedGc, { ...values, n: num(lang, n.gc) });
  if (n.schedMs !== null) return plural(lang, lines.length, t.noteJoinedSched, { ...values, t: num(lang, n.schedMs) });
  return n.message;
}

/** Notes the parser wrote about lines it put back together, or GC numbers without a line; null without any. */
export function renderLineNotes(lang: string, t: LabStrings, s: LabSummary): HTMLElement | null {
  const { count, samples } = s.lineNotes;
  if (count === 0) return null;
  const section = el("section", "lab-line-notes");
  section.append(el("h3", "", t.lineNotesHeading));
  const intro = el("p", "lab-line-note-count", plural(lang, count, t.lineNotesCount));
  if (samples.length < count) intro.append(" ", fill(t.lineNotesShown, { shown: num(lang, samples.length) }));
  intro.dataset["count"] = String(count);
  section.append(intro);
  const rows = samples.map((n) => [String(n.line), noteText(lang, t, n)]);
  section.append(table(t.lineNotesHeading, [t.line, t.colNote], rows, "lab-line-note-table"));
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
  const words =
    samples.length < count
      ? fill(t.problemsSome, { shown: num(lang, samples.length), total: num(lang, count) })
      : plural(lang, count, t.problemsAll, { total: num(lang, count) });
  const intro = el("p", "lab-problem-count", words);
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
