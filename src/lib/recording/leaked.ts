import { G_SCAN_BIT } from "./goroutine-state.ts";
import type { GcEvent, Goroutine, SchedSnapshot } from "./recording.ts";

/** scheddetail's status number of a leaked goroutine (`_Gleaked`, Go 1.26+). */
const G_LEAKED = 10;

/**
 * Takes the runtime's word for which goroutines are leaked. The leak-check GC (Go 1.26+, gctrace's
 * "checking for goroutine leaks") sets a leaked goroutine's status to 10, `_Gleaked`, and
 * scheddetail prints it so; the execution trace has no such state and goes on recording it as
 * plain waiting. So a goroutine whose intervals come from the trace, and that a later scheddetail
 * snapshot shows at status 10, is leaked from the end of the leak-check GC before that snapshot
 * (or from the snapshot itself, when no such GC is in the log): its waiting interval is split
 * there and the rest marked leaked, with the status and wait reason scheddetail printed.
 * Mutates `goroutines` in place; intervals stay ordered and non-overlapping.
 */
export function markLeaked(
  goroutines: Goroutine[],
  snapshots: readonly SchedSnapshot[],
  gcs: readonly GcEvent[],
): void {
  const firstLeaked = new Map<number, { t: number; reason: string }>();
  for (const s of snapshots) {
    if (!s.detailed) continue;
    for (const g of s.gs) {
      if ((g.status & ~G_SCAN_BIT) !== G_LEAKED || firstLeaked.has(g.id)) continue;
      const check = gcs.filter((c) => c.leakCheck && c.t <= s.t).at(-1);
      const t = check !== undefined && check.end <= s.t ? check.end : s.t;
      firstLeaked.set(g.id, { t, reason: g.waitReason });
    }
  }
  for (const g of goroutines) {
    const leak = firstLeaked.get(g.id);
    if (leak === undefined) continue;
    const out = [];
    for (const iv of g.intervals) {
      if (iv.source !== "transitions" || iv.state !== "waiting" || iv.to <= leak.t) {
        out.push(iv);
        continue;
      }
      if (iv.from < leak.t) out.push({ ...iv, to: leak.t });
      out.push({
        from: Math.max(iv.from, leak.t),
        to: iv.to,
        state: "leaked" as const,
        waitReason: leak.reason,
        status: G_LEAKED,
        source: "scheddetail" as const,
      });
    }
    g.intervals = out;
  }
}
