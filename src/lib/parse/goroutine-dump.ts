import type { Frame, GoroutineProfileName } from "./trace-records.ts";

// The lines of a goroutine dump and of a debug=1 goroutine profile, as Go 1.19–1.27 print them
// (runtime/traceback.go, runtime/pprof/pprof.go). Each reader takes one line's text and returns
// what it says, or null when the line is not of that form.

// `goroutine 7 [chan receive (leaked)]:`; tracebacks with GOTRACEBACK=crash or a SIGQUIT also
// print `gp=0x… m=N mp=0x…` before the brackets (Go 1.23+).
const HEADER = /^goroutine (\d+)(?: gp=0x[0-9a-f]+)?(?: m=(?:\d+|nil))?(?: mp=0x[0-9a-f]+)? \[([^\]]*)\]:$/;
// `main.collect(0xc000010120, 0xa)`, `sync.(*Mutex).Lock(...)`, `panic({0x46e520?, 0x4b1c70?})`:
// the arguments are the last parenthesised part, and hold no parentheses of their own.
const CALL = /^(\S[^\t]*)\([^()]*\)$/;
// `\tdumps/main.go:39 +0x37`, with ` fp=0x… sp=0x… pc=0x…` in a traceback of system goroutines.
const SOURCE = /^\t(.+):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+)?$/;
// `created by main.collect in goroutine 1` (Go 1.21+), `created by main.collect` before.
const CREATED_BY = /^created by (\S+)(?: in goroutine (\d+))?$/;
const PROFILE = /^(goroutine|goroutineleak) profile: total (\d+)$/;
const GROUP = /^(\d+) @(?: 0x[0-9a-f]+)+$/;
// `#\t0x4b663c\tmain.collect.func1+0x3c\tdumps/main.go:39`, aligned with more tabs.
const GROUP_FRAME = /^#\t0x[0-9a-f]+\t(\S+?)\+0x[0-9a-f]+\t+(.+):(\d+)$/;
const LABELS = /^# labels: (.*)$/;

/** What a goroutine's header line says. */
export interface GoroutineHeader {
  id: number;
  state: string;
  leaked: boolean;
  waitMinutes: number | null;
  lockedToThread: boolean;
}

/**
 * Reads `goroutine N [state, N minutes, locked to thread]:`. The state is the wait reason for a
 * waiting goroutine (`chan receive`), else the status (`running`); Go 1.26+ adds ` (leaked)` to
 * one the GC found blocked forever.
 */
export function readGoroutineHeader(text: string): GoroutineHeader | null {
  if (!text.startsWith("goroutine ")) return null;
  const m = HEADER.exec(text);
  if (m === null) return null;
  const [state = "", ...rest] = (m[2] ?? "").split(", ");
  let waitMinutes: number | null = null;
  let lockedToThread = false;
  for (const part of rest) {
    const minutes = /^(\d+) minutes$/.exec(part);
    if (minutes !== null) waitMinutes = Number(minutes[1]);
    else if (part === "locked to thread") lockedToThread = true;
  }
  const leaked = state.endsWith(" (leaked)");
  return {
    id: Number(m[1]),
    state: leaked ? state.slice(0, -" (leaked)".length) : state,
    leaked,
    waitMinutes,
    lockedToThread,
  };
}

/** The function of a stack frame's first line (`main.collect(0xc00001, 0xa)` gives `main.collect`). */
export function readCall(text: string): string | null {
  const m = CALL.exec(text);
  return m === null ? null : (m[1] ?? null);
}

/** The file and line of a stack frame's second line (`\tdumps/main.go:39 +0x37`). */
export function readSource(text: string): { file: string; line: number } | null {
  if (text.charCodeAt(0) !== 9) return null;
  const m = SOURCE.exec(text);
  return m === null ? null : { file: m[1] ?? "", line: Number(m[2]) };
}

/** `created by F [in goroutine N]`: the function that ran the `go` statement, and its goroutine. */
export function readCreatedBy(text: string): { func: string; creator: number | null } | null {
  if (!text.startsWith("created by ")) return null;
  const m = CREATED_BY.exec(text);
  if (m === null) return null;
  return { func: m[1] ?? "", creator: m[2] === undefined ? null : Number(m[2]) };
}

/** True for the line the runtime prints when it leaves out the middle of a deep stack. */
export function isElided(text: string): boolean {
  return text === "...additional frames elided...";
}

/** `goroutine profile: total N` or `goroutineleak profile: total N` (debug=1). */
export function readProfileHeader(text: string): { profile: GoroutineProfileName; total: number } | null {
  const m = PROFILE.exec(text);
  return m === null ? null : { profile: m[1] === "goroutineleak" ? "goroutineleak" : "goroutine", total: Number(m[2]) };
}

/** `5 @ 0x47f3aa 0x41512e …`: how many goroutines share the stack that follows. */
export function readGroupCount(text: string): number | null {
  const m = GROUP.exec(text);
  return m === null ? null : Number(m[1]);
}

/** A `#\t0x…\tfunc+0x…\tfile:line` frame line of a debug=1 profile. */
export function readGroupFrame(text: string): Frame | null {
  if (!text.startsWith("#\t")) return null;
  const m = GROUP_FRAME.exec(text);
  return m === null ? null : { func: m[1] ?? "", file: m[2] ?? "", line: Number(m[3]) };
}

/** The labels of a debug=1 profile's stack (`# labels: {"handler":"a"}`), as printed. */
export function readGroupLabels(text: string): string | null {
  const m = LABELS.exec(text);
  return m === null ? null : (m[1] ?? null);
}
