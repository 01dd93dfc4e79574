import { readFileSync } from "node:fs";
import type { TraceRecord } from "../../../src/lib/parse/trace-records.ts";

/** Reads a committed log fixture (tests/fixtures/logs). */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), "utf8");
}

/** Number of lines as an editor counts them: a final newline does not start another line. */
export function lineCount(text: string): number {
  if (text === "") return 0;
  const n = text.split("\n").length;
  return text.endsWith("\n") ? n - 1 : n;
}

/**
 * The line numbers the records account for: each record's line (and a goroutine's or a stack's
 * lines up to its endLine), and the lines a note names (the pieces of a torn line), sorted.
 */
export function coveredLines(records: readonly TraceRecord[]): number[] {
  const covered = new Set<number>();
  for (const r of records) {
    covered.add(r.line);
    if ("endLine" in r) for (let l = r.line; l <= r.endLine; l++) covered.add(l);
    if (r.kind === "note" && r.lines !== null) for (const l of r.lines) covered.add(l);
  }
  return [...covered].sort((a, b) => a - b);
}

/** 1..n. */
export function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
