import type { TraceState } from "./recorder-records.ts";

/** A goroutine's state, merged from scheddetail status numbers and execution-trace states. */
export type GoroutineState =
  "idle" | "runnable" | "running" | "syscall" | "waiting" | "leaked" | "dead" | "copystack" | "preempted" | "unknown";

/** Every {@link GoroutineState}, in a stable order for legends and counts. */
export const GOROUTINE_STATES: readonly GoroutineState[] = [
  "running",
  "runnable",
  "syscall",
  "waiting",
  "leaked",
  "preempted",
  "copystack",
  "idle",
  "dead",
  "unknown",
];

/** The runtime2.go constant a state stands for, as charts and legends name it. */
export const STATE_CONSTANTS: Record<GoroutineState, string> = {
  idle: "_Gidle",
  runnable: "_Grunnable",
  running: "_Grunning",
  syscall: "_Gsyscall",
  waiting: "_Gwaiting",
  leaked: "_Gleaked",
  dead: "_Gdead",
  copystack: "_Gcopystack",
  preempted: "_Gpreempted",
  unknown: "?",
};

/** The `_Gscan` bit: set while the GC scans the goroutine's stack (4100 = scanning a waiting G). */
export const G_SCAN_BIT = 0x1000;

const BY_STATUS: readonly GoroutineState[] = [
  "idle", // 0 _Gidle
  "runnable", // 1 _Grunnable
  "running", // 2 _Grunning
  "syscall", // 3 _Gsyscall
  "waiting", // 4 _Gwaiting
  "unknown", // 5 _Gmoribund_unused
  "dead", // 6 _Gdead
  "unknown", // 7 _Genqueue_unused
  "copystack", // 8 _Gcopystack
  "preempted", // 9 _Gpreempted
  "leaked", // 10 _Gleaked (Go 1.26+)
  "dead", // 11 _Gdeadextra (Go 1.26+): dead, attached to a cgo callback M
];

/** Maps a scheddetail `status=` number (scan bit included or not) to a state. */
export function stateFromGStatus(status: number): GoroutineState {
  return BY_STATUS[status & ~G_SCAN_BIT] ?? "unknown";
}

/** Maps an execution-trace state to a state; NotExist maps to "dead". */
export function stateFromTraceState(state: TraceState): GoroutineState {
  switch (state) {
    case "Runnable":
      return "runnable";
    case "Running":
      return "running";
    case "Waiting":
      return "waiting";
    case "Syscall":
      return "syscall";
    case "NotExist":
      return "dead";
    default:
      return "unknown";
  }
}

/** True for states in which the wait reason describes the present, not a stale past park. */
export function hasCurrentWaitReason(state: GoroutineState): boolean {
  return state === "waiting" || state === "leaked";
}

/** A zeroed count per state. */
export function emptyStateCounts(): Record<GoroutineState, number> {
  return {
    running: 0,
    runnable: 0,
    syscall: 0,
    waiting: 0,
    leaked: 0,
    preempted: 0,
    copystack: 0,
    idle: 0,
    dead: 0,
    unknown: 0,
  };
}
