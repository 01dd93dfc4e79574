/** Names of G status numbers other than waiting (runtime/runtime2.go, Go 1.19–1.27). */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  0: "idle",
  1: "runnable",
  2: "running",
  3: "syscall",
  6: "dead",
  8: "copystack",
  9: "preempted",
  11: "dead (extra M)",
};

/** The status number without the `_Gscan` bit (0x1000), which only says a GC is scanning it. */
export function baseStatus(status: number): number {
  return status & ~0x1000;
}

/**
 * What a scheddetail G line says a goroutine is doing, as one label: its wait reason when it is
 * waiting (status 4), `leaked: <reason>` when the GC found it leaked (status 10, Go 1.26+), and
 * otherwise its status name. The printed reason of a goroutine that is not waiting is stale, so it
 * is ignored then.
 */
export function goroutineCategory(status: number, waitReason: string): string {
  const s = baseStatus(status);
  if (s === 4) return waitReason === "" ? "waiting" : waitReason;
  if (s === 10) return waitReason === "" ? "leaked" : `leaked: ${waitReason}`;
  return STATUS_NAMES[s] ?? `status ${s}`;
}

/** True for categories of goroutines that exist (not dead ones kept for reuse). */
export function isLiveCategory(category: string): boolean {
  return category !== "dead" && category !== "dead (extra M)";
}
