import type { Transition } from "./recorder-records.ts";

/** A stretch of time a goroutine waited at one line of the program. */
export interface WaitSpan {
  g: number;
  /** Seconds since program start. */
  from: number;
  /** Seconds; null when it was still waiting when the recording ended. */
  to: number | null;
  /** Line of the program file where it waited (the recorded top program frame). */
  line: number;
  func: string;
  reason: string;
}

/**
 * The waits of the program's goroutines at their program lines, from the execution trace's state
 * transitions: each Running→Waiting with a program frame opens a span, the goroutine's next
 * transition out of Waiting closes it. Waiting→Waiting events (trace generation boundaries) keep
 * the span open. Input order is the trace's order; output is ordered by start time, then id.
 */
export function waitSpans(transitions: readonly Transition[]): WaitSpan[] {
  const open = new Map<number, WaitSpan>();
  const spans: WaitSpan[] = [];
  for (const tr of transitions) {
    const t = tr.tMs / 1000;
    const current = open.get(tr.g);
    if (current && tr.to !== "Waiting") {
      current.to = t;
      open.delete(tr.g);
    }
    if (tr.to === "Waiting" && tr.from !== "Waiting" && tr.frame?.file === "main.go") {
      const span: WaitSpan = {
        g: tr.g,
        from: t,
        to: null,
        line: tr.frame.line,
        func: tr.frame.func,
        reason: tr.reason,
      };
      if (current?.to === null) current.to = t;
      open.set(tr.g, span);
      spans.push(span);
    }
  }
  return spans.sort((a, b) => a.from - b.from || a.g - b.g);
}

/**
 * The line where the program's goroutines spent the most time waiting (excluding `main.main`,
 * whose sleeps are the program's own pacing), with how many goroutines waited there. Null when no
 * goroutine waited at a program line. `end` (seconds) closes spans still open at the end.
 */
export function busiestWaitLine(spans: readonly WaitSpan[], end: number): { line: number; goroutines: number } | null {
  const time = new Map<number, number>();
  const who = new Map<number, Set<number>>();
  for (const s of spans) {
    if (s.func === "main.main") continue;
    time.set(s.line, (time.get(s.line) ?? 0) + ((s.to ?? end) - s.from));
    const set = who.get(s.line) ?? new Set<number>();
    set.add(s.g);
    who.set(s.line, set);
  }
  let best: number | null = null;
  for (const [line, total] of time) {
    if (best === null || total > (time.get(best) ?? 0) || (total === time.get(best) && line < best)) best = line;
  }
  return best === null ? null : { line: best, goroutines: who.get(best)?.size ?? 0 };
}
