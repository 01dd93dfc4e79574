import { fill } from "../fill.ts";
import type { ReplayFrame } from "./frame.ts";
import { toSeconds, type ReplayVariant } from "./replay-data.ts";

/** The readout templates of `replay.client` (src/i18n) these functions fill. */
export interface ReadoutWords {
  readout: string;
  readoutNone: string;
  program: string;
  all: string;
  none: string;
  laneStates: Record<string, string>;
  waitingHere: string;
  nobodyWaiting: string;
  snapshot: string;
  snapshotNone: string;
  logNote: string;
}

// The replay's one-line readouts as text, from a frame: the client writes them on every change, and
// the build writes the first frame's into the page, so nothing moves when the replay starts.

/** The heap readout: gctrace's live heap after the last GC that ended. */
export function heapReadout(v: ReplayVariant, frame: ReplayFrame, words: ReadoutWords): string {
  const gc = v.gcs[frame.gcEnded];
  return frame.heap && gc ? fill(words.readout, { live: frame.heap.live, n: gc.n }) : words.readoutNone;
}

/** The lanes' counts: goroutines by state now, the program's and all. */
export function countsReadout(frame: ReplayFrame, words: ReadoutWords): string {
  const list = (m: Map<string, number>): string =>
    m.size === 0
      ? words.none
      : [...m].map(([state, n]) => `${words.laneStates[state] ?? state} ${String(n)}`).join(", ");
  return `${words.program}: ${list(frame.programCounts)} · ${words.all}: ${list(frame.allCounts)}`;
}

/** Which scheddetail snapshot the status table counts. */
export function snapshotNote(v: ReplayVariant, frame: ReplayFrame, words: ReadoutWords): string {
  const s = v.snapshots[frame.snapshotIndex];
  return s ? fill(words.snapshot, { ms: Math.round(toSeconds(s.t) * 1000) }) : words.snapshotNone;
}

/** What the log shows of stderr.log. */
export function logNote(v: ReplayVariant, words: ReadoutWords): string {
  return fill(words.logNote, { shown: v.log.length, total: v.logTotal });
}

/** The program lines its goroutines wait at now, with how many wait at each, in line order. */
export function waitingLines(frame: ReplayFrame): { line: number; n: number }[] {
  return [...frame.waitLines].map(([line, ids]) => ({ line, n: ids.length })).sort((a, b) => a.line - b.line);
}

/** The line most of the program's goroutines wait at now (the first such line on a tie), or null. */
export function mostWaitedLine(frame: ReplayFrame): { line: number; n: number } | null {
  return waitingLines(frame).reduce<{ line: number; n: number } | null>(
    (b, l) => (b === null || l.n > b.n ? l : b),
    null,
  );
}

/** The code readout: the line most of the program's goroutines wait at, with its code. */
export function codeReadout(frame: ReplayFrame, codeOf: (line: number) => string, words: ReadoutWords): string {
  const most = mostWaitedLine(frame);
  return most
    ? fill(words.waitingHere, { n: most.n, line: most.line, code: codeOf(most.line).trim() })
    : words.nobodyWaiting;
}
