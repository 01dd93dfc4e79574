import { formatVersion } from "../lib/lab/format-detect.ts";
import type { LabSummary } from "../lib/lab/lab-summary.ts";
import type { Frame } from "../lib/parse/trace-records.ts";

/** How many groups of each dump the summary names. */
const TOP_GROUPS = 5;

const frame = (f: Frame | null): string | null => (f === null ? null : `${f.func} ${f.file}:${f.line}`);

/**
 * The summary as one JSON object, the schema docs/cli.md gives: what a CI job checks (GC cycles,
 * peak live heap, pause percentiles, live and leaked goroutines, dumps, errors).
 */
export function summaryJson(file: string, s: LabSummary, errorsByReason: Record<string, number>): object {
  const snap = s.snapshot;
  return {
    file,
    lines: s.lines,
    counts: s.counts,
    go: {
      min: s.versions.min === null ? null : formatVersion(s.versions.min),
      max: s.versions.max === null ? null : formatVersion(s.versions.max),
      conflict: s.versions.conflict,
    },
    clues: s.clues.map((c) => c.code),
    prefix:
      s.prefix === null
        ? null
        : {
            lines: Object.fromEntries(s.prefix.formats.map((f) => [f.format, f.lines])),
            joinedPieces: s.prefix.joinedPieces,
            firstWall: s.prefix.firstWall,
            lastWall: s.prefix.lastWall,
          },
    runs: s.runs.count,
    gc: {
      cycles: s.gc.cycles,
      automatic: s.gc.automatic,
      forced: s.gc.forced,
      periodic: s.gc.periodic,
      leakChecks: s.gc.leakChecks,
      missing: s.gc.missing,
      peakLiveMB: s.gc.peakLiveMB,
      peakLiveLine: s.gc.peakLiveLine,
      peakHeapMB: s.gc.peakHeapMB,
      pauseMs: s.gc.pauseMs,
    },
    goroutines:
      snap === null
        ? null
        : {
            tMs: snap.tMs,
            line: snap.line,
            live: snap.live,
            dead: snap.dead,
            leaked: snap.leaked,
            byCategory: Object.fromEntries(snap.byCategory.map((c) => [c.category, c.count])),
          },
    dumps: {
      count: s.dumps.count,
      dumps: s.dumps.dumps.map((d) => ({
        dump: d.dump,
        kind: d.kind,
        line: d.line,
        endLine: d.endLine,
        cause: d.cause,
        goroutines: d.goroutines,
        leaked: d.leaked,
        groups: d.groupCount,
        top: d.groups.slice(0, TOP_GROUPS).map((g) => ({
          count: g.count,
          state: g.state,
          leaked: g.leaked,
          where: frame(g.where),
          longestWaitMinutes: g.longestWaitMinutes,
          createdBy: frame(g.createdBy),
        })),
      })),
    },
    errors: { count: s.problems.count, byReason: errorsByReason },
    notes: { count: s.lineNotes.count, joined: s.lineNotes.joined, missingGcs: s.lineNotes.missingGcs },
    inputNotes: s.notes,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The summary in words, one `name: value` line each, for a person at a terminal. */
export function summaryText(file: string, s: LabSummary, errorsByReason: Record<string, number>): string {
  const rows: [string, string][] = [];
  const v = s.versions;
  const version =
    v.min === null && v.max === null
      ? "unknown"
      : v.conflict
        ? `conflicting clues (at least ${formatVersion(v.min ?? [0, 0])}, at most ${formatVersion(v.max ?? [0, 0])})`
        : v.min !== null && v.max !== null
          ? `Go ${formatVersion(v.min)} to ${formatVersion(v.max)}`
          : v.min !== null
            ? `Go ${formatVersion(v.min)} or later`
            : `Go ${formatVersion(v.max ?? [0, 0])} or earlier`;
  rows.push(["file", file], ["lines", String(s.lines)], ["go version", version]);
  if (s.prefix !== null) {
    const formats = s.prefix.formats.map((f) => `${f.format} ${plural(f.lines, "line")}`).join(", ");
    const pieces = s.prefix.joinedPieces > 0 ? `, ${plural(s.prefix.joinedPieces, "partial piece")} joined` : "";
    rows.push([
      "prefixes",
      `${formats}${pieces}; wall clock ${s.prefix.firstWall ?? "?"} to ${s.prefix.lastWall ?? "?"}`,
    ]);
  }
  if (s.runs.count > 1) rows.push(["runs", String(s.runs.count)]);
  const gc = s.gc;
  rows.push([
    "gc cycles",
    `${gc.cycles} (${gc.automatic} automatic, ${gc.forced} forced, ${gc.periodic} periodic, ` +
      `${plural(gc.leakChecks, "leak check")}, ${gc.missing} missing)`,
  ]);
  rows.push([
    "peak live heap",
    gc.peakLiveMB === null ? "none" : `${gc.peakLiveMB} MiB (line ${gc.peakLiveLine ?? 0})`,
  ]);
  rows.push(["peak heap", gc.peakHeapMB === null ? "none" : `${gc.peakHeapMB} MiB`]);
  const p = gc.pauseMs;
  rows.push([
    "stw pauses",
    p === null ? "none" : `p50 ${p.p50} ms, p99 ${p.p99} ms, max ${p.max} ms (${plural(p.count, "cycle")})`,
  ]);
  const snap = s.snapshot;
  rows.push([
    "goroutines",
    snap === null
      ? "no scheddetail snapshot"
      : `${snap.live} live, ${snap.leaked} leaked, ${snap.dead} dead (kept for reuse) at SCHED ${snap.tMs ?? 0} ms (line ${snap.line})`,
  ]);
  rows.push(["goroutine dumps", String(s.dumps.count)]);
  for (const d of s.dumps.dumps) {
    const top = d.groups[0];
    const where =
      top === undefined
        ? ""
        : `; most: ${top.count}${top.state === null ? "" : ` ${top.state}`} at ${frame(top.where) ?? "?"}`;
    rows.push([
      `  dump ${d.dump}`,
      `${d.kind} at lines ${d.line}-${d.endLine}: ${plural(d.goroutines, "goroutine")} in ${plural(d.groupCount, "group")}, ${d.leaked} leaked${where}`,
    ]);
  }
  const reasons = Object.entries(errorsByReason)
    .map(([r, n]) => `${n} ${r}`)
    .join(", ");
  rows.push(["errors", s.problems.count === 0 ? "0" : `${s.problems.count} (${reasons})`]);
  rows.push([
    "notes",
    `${s.lineNotes.count} (${plural(s.lineNotes.joined, "torn line")} joined, ${plural(s.lineNotes.missingGcs, "GC number")} without a line)`,
  ]);
  if (s.notes.length > 0) rows.push(["about the input", s.notes.join(", ")]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, val]) => `${`${k}:`.padEnd(width)}${val}\n`).join("");
}
