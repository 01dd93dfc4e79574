/**
 * Goroutine dumps as runtime/pprof prints them (`pprof.Lookup("goroutine").WriteTo(w, 2)`, the
 * same text as a panic's traceback): one block per goroutine, a header line
 * `goroutine 7 [chan receive]:` and its frames. On WebAssembly there is no scheddetail (no sysmon
 * prints it), so these headers are where the live program's goroutine states come from.
 */

/** One goroutine of a dump. */
export interface DumpGoroutine {
  id: number;
  /** The state or wait reason as printed, without suffixes: "running", "chan receive", "select", "sleep". */
  state: string;
  /** True when the header says `(leaked)`: the last leak-detection GC found it blocked for ever (Go 1.26+). */
  leaked: boolean;
  /** True when a frame of the goroutine, or the call that created it, is in package main. */
  program: boolean;
}

// `goroutine 7 [chan receive]:`, `goroutine 7 [chan receive (leaked)]:`, `goroutine 7 [select, 2 minutes]:`;
// a dying runtime prints ` gp=0x… m=… mp=0x…` after the id.
const HEADER = /^goroutine (\d+)(?: gp=\S+ m=\S+(?: mp=\S+)?)? \[([^\]]*)\]:$/;
const LEAKED = " (leaked)";

/** Reads a header line; null when the line is not one. */
export function parseGoroutineHeader(line: string): { id: number; state: string; leaked: boolean } | null {
  const m = HEADER.exec(line);
  if (m === null) return null;
  // The state comes first; ", N minutes" and ", locked to thread" may follow it.
  let state = (m[2] ?? "").split(", ")[0] ?? "";
  const leaked = state.endsWith(LEAKED);
  if (leaked) state = state.slice(0, -LEAKED.length);
  return { id: Number(m[1]), state, leaked };
}

/**
 * Reads a dump line by line. A goroutine counts as the program's when one of its frames (or the
 * `created by` line) names a function of package main; the others are the runtime's own (on
 * WebAssembly, the goroutine that waits for JavaScript events).
 */
export class DumpReader {
  readonly goroutines: DumpGoroutine[] = [];
  #current: DumpGoroutine | null = null;

  /** Feeds one line of the dump. */
  push(line: string): void {
    const header = parseGoroutineHeader(line);
    if (header !== null) {
      this.#current = { ...header, program: false };
      this.goroutines.push(this.#current);
      return;
    }
    const g = this.#current;
    if (g === null || line === "") return;
    // Frames are `pkg.func(args)` lines (file lines start with a tab) and `created by pkg.func in goroutine N`.
    const fn = line.startsWith("created by ") ? line.slice("created by ".length) : line;
    if (fn.startsWith("main.")) g.program = true;
  }
}

/** How many goroutines are in one state. */
export interface StateCount {
  state: string;
  leaked: boolean;
  count: number;
}

/** Counts goroutines by state (leaked apart), most first, then by name: a dump's summary. */
export function countStates(goroutines: readonly DumpGoroutine[]): StateCount[] {
  const counts = new Map<string, StateCount>();
  for (const g of goroutines) {
    const key = `${g.state}\u0000${String(g.leaked)}`;
    const c = counts.get(key) ?? { state: g.state, leaked: g.leaked, count: 0 };
    c.count += 1;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.state.localeCompare(b.state));
}
