// Build-time only: what the prose and the G status table say about goroutine statuses, counted
// from the recordings' scheddetail G lines (see facts.ts for the rest of the numbers).
import { G_SCAN_BIT } from "../lib/recording/goroutine-state.ts";
import type { SchedSnapshot } from "../lib/recording/recording.ts";
import type { OutputLine } from "../lib/recording/output-line.ts";
import { programFacts, type ProgramFacts } from "./facts.ts";
import { loadRecording, PROGRAMS, recordedVersions } from "./traces.ts";

/** scheddetail's status number of a leaked goroutine, `_Gleaked` (Go 1.26+). */
export const G_LEAKED = 10;

const statusOf = (raw: number): number => raw & ~G_SCAN_BIT;

function countStatuses(snapshots: readonly SchedSnapshot[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const s of snapshots) {
    for (const g of s.gs) counts.set(statusOf(g.status), (counts.get(statusOf(g.status)) ?? 0) + 1);
  }
  return counts;
}

/** How often each status (scan bit removed) turns up: in all recordings, and in the leak's last snapshot. */
export interface StatusCounts {
  /** G lines with that status, over every scheddetail snapshot of every recording. */
  all: Map<number, number>;
  /** Of those, how many carried the `_Gscan` bit. */
  scanned: number;
  /** The leak recording's last scheddetail snapshot: when it was printed, and its G lines by status. */
  last: { tMs: number; line: number; counts: Map<number, number> };
}

/** Counts every G line of every recording by status, and those of the leak's last snapshot. */
export function statusCounts(): StatusCounts {
  const snapshots = PROGRAMS.flatMap((p) => recordedVersions(p).flatMap((v) => loadRecording(p, v).snapshots));
  const scanned = snapshots.flatMap((s) => s.gs).filter((g) => g.status !== statusOf(g.status)).length;
  const last = loadRecording("leak")
    .snapshots.filter((s) => s.detailed)
    .at(-1);
  if (!last) throw new Error("traces/leak: no scheddetail snapshot");
  return {
    all: countStatuses(snapshots),
    scanned,
    last: { tMs: last.sched.tMs, line: last.sched.line, counts: countStatuses([last]) },
  };
}

/** What the runtime did to the leaked goroutines, as scheddetail printed it after the leak check. */
export interface LeakedFacts {
  leak: ProgramFacts;
  /** The first scheddetail snapshot printed after the leak-check GC ended. */
  snapshot: SchedSnapshot;
  /** How many snapshots were printed after that GC (all of them show the same statuses). */
  snapshotsAfter: number;
  /** Its SCHED line and G lines, numbered as in stderr.log (the P and M lines left out). */
  lines: OutputLine[];
  /** The program's goroutines at status 10 there, e.g. ["G11", …]. */
  leaked: string[];
  /** The recorder's goroutines that wait in "chan receive" like the collectors but stayed at 4. */
  lookalikes: string[];
  /** G lines at status 10 in the three fixes' recordings. */
  leakedInFixes: number;
}

/** The leak's snapshot after its leak-check GC: who is at status 10, who is not. */
export function leakedFacts(): LeakedFacts {
  const leak = programFacts("leak");
  const check = leak.leakCheckGc;
  if (!check) throw new Error("traces/leak: no leak-check GC in stderr.log");
  const after = leak.recording.snapshots.filter((s) => s.detailed && s.t >= check.end);
  const snapshot = after[0];
  if (!snapshot) throw new Error("traces/leak: no scheddetail snapshot after the leak-check GC");
  const owners = new Map(leak.recording.goroutines.map((g) => [g.id, g.owner]));
  const ids = (keep: (g: SchedSnapshot["gs"][number]) => boolean): string[] =>
    snapshot.gs.filter(keep).map((g) => `G${String(g.id)}`);
  const shown = new Set([snapshot.sched.line, ...snapshot.gs.map((g) => g.line)]);
  const fixes = (["fix-timeout", "fix-close", "fix-context"] as const).map((p) => programFacts(p));
  return {
    leak,
    snapshot,
    snapshotsAfter: after.length,
    lines: leak.recording.log.filter((l) => shown.has(l.line)).map((l) => ({ n: l.line, text: l.text })),
    leaked: ids((g) => statusOf(g.status) === G_LEAKED && owners.get(g.id) === "user"),
    lookalikes: ids((g) => owners.get(g.id) === "probe" && statusOf(g.status) === 4 && g.waitReason === "chan receive"),
    leakedInFixes: fixes
      .flatMap((f) => f.recording.snapshots.flatMap((s) => s.gs))
      .filter((g) => statusOf(g.status) === G_LEAKED).length,
  };
}

/**
 * What the G status part quotes, the same in both languages: the Go version, a stale wait reason,
 * the fixes' dead goroutines and the leak's leaked ones.
 */
export function statusesPartFacts() {
  const leak = programFacts("leak");
  const { last } = statusCounts();
  return {
    tag: leak.goVersion,
    // A goroutine that is not waiting but still shows a wait reason (a stale one): the first one in
    // our recordings, the leak's first, with the recording it comes from.
    stale: PROGRAMS.flatMap((program) =>
      recordedVersions(program).flatMap((goVersion) =>
        loadRecording(program, goVersion)
          .snapshots.flatMap((s) => s.gs)
          .filter((g) => ![4, 10].includes(g.status & ~0x1000) && g.waitReason !== "")
          .map((g) => ({ g, program, goVersion })),
      ),
    )[0],
    // Whether the fixes' recordings show goroutines that returned, as _Gdead.
    deadInFixes: (["fix-timeout", "fix-close", "fix-context"] as const).some((p) =>
      programFacts(p).recording.snapshots.some((s) => s.gs.some((g) => (g.status & ~0x1000) === 6)),
    ),
    // The leak's goroutines at _Gleaked after its leak check, and how many its last snapshot holds.
    leaked: leakedFacts().leaked,
    atTen: last.counts.get(G_LEAKED) ?? 0,
  };
}
