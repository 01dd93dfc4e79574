import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import { parseLine } from "../../../src/lib/parse/parse-line.ts";
import type { TraceRecord } from "../../../src/lib/parse/trace-records.ts";

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const ctx = { schedTMs: null };

/**
 * A real runtime line torn the way the runtime's field-by-field printing tears it: its text cut
 * where `cuts` says, each piece followed by one of the program's lines; the last piece is
 * followed by the program's line too, and then by the runtime's own newline (a blank line).
 */
function tear(line: string, cuts: number[], program = "worker 3: done"): string {
  const at = [0, ...cuts, line.length];
  return at
    .slice(1)
    .map((end, i) => `${line.slice(at[i], end)}${program}\n`)
    .join("")
    .concat("\n");
}

const kinds = (records: TraceRecord[]) => records.map((r) => `${r.line}:${r.kind}`);

describe("torn runtime lines are put back together", () => {
  const stderr = read("traces/leak/go1.27.3/stderr.log").split("\n");
  const gcLine = stderr.find((l) => l.startsWith("gc 2 ")) ?? "";
  const schedLine = stderr.find((l) => l.startsWith("SCHED 106ms")) ?? "";

  it("a gctrace line of our recording, cut at every field, gives its record back", () => {
    // Cut before every number: where the runtime's print calls begin a new argument.
    const cuts = [...gcLine.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m.index).filter((i) => i > 0);
    const text = tear(gcLine, cuts);
    const records = parseLog(text);
    expect(records[0]).toEqual(parseLine(gcLine, 1, ctx));
    expect(records[1]).toMatchObject({
      kind: "note",
      reason: "joined",
      lines: [...cuts.map((_, i) => i + 1), cuts.length + 1, cuts.length + 2],
    });
    expect(records.filter((r) => r.kind === "other" && r.text === "worker 3: done")).toHaveLength(cuts.length + 1);
    expect(records.filter((r) => r.kind === "error")).toEqual([]);
  });

  it("a SCHED line of our recording, torn in three, gives its record back and times the P, M and G lines after it", () => {
    const text =
      tear(schedLine, [schedLine.indexOf(" threads="), schedLine.indexOf(" runqueue=")]) +
      "  G1: status=4(sleep) m=nil lockedm=nil\n";
    const records = parseLog(text);
    expect(records[0]).toEqual(parseLine(schedLine, 1, ctx));
    expect(records.at(-1)).toMatchObject({ kind: "g", id: 1, tMs: 106 });
  });

  it("the live program's real tear: `gc ` then the program's line, then the rest of the gctrace line", () => {
    const text = read("tests/fixtures/dumps/go1.27-live-gctrace-dumps.txt");
    const records = parseLog(text);
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("gc live: ")) + 1;
    expect(records.find((r) => r.kind === "gc" && r.line === at)).toEqual(parseLine(`gc ${lines[at] ?? ""}`, at, ctx));
    expect(records.find((r) => r.kind === "other" && r.line === at)).toMatchObject({ text: lines[at - 1]?.slice(3) });
    // Every gctrace number of the run is there, each once.
    expect(records.flatMap((r) => (r.kind === "gc" ? [r.n] : []))).toEqual([1, 2, 3, 4, 5]);
  });

  it("a runtime line after the program's text without a newline is read apart from it", () => {
    const records = parseLog(`request 7: ${gcLine}\n`);
    expect(kinds(records)).toEqual(["1:gc", "1:note", "1:other"]);
    expect(records[1]).toMatchObject({ reason: "split", lines: [1] });
    expect(records[2]).toMatchObject({ text: "request 7: " });
  });

  it("(forced) printed after the program's line still belongs to the line", () => {
    const forced = stderr.find((l) => l.startsWith("gc ") && l.endsWith(" (forced)")) ?? "";
    const text = tear(forced, [forced.length - " (forced)".length]);
    expect(parseLog(text)[0]).toMatchObject({ kind: "gc", forced: true });
  });

  it("pieces that never make a whole line stay errors, and the next line says which GC has no line", () => {
    const broken = tear(gcLine.slice(0, 60), [20, 40]);
    const next = stderr.find((l) => l.startsWith("gc 3 ")) ?? "";
    const records = parseLog(broken + next + "\n");
    expect(records[0]).toMatchObject({ kind: "error", reason: "malformed-gctrace", line: 1 });
    expect(records.filter((r) => r.kind === "gc")).toHaveLength(1);
    // The log starts at GC 3 here, so nothing is missing yet; after GC 1 it would be GC 2.
    const withFirst = parseLog(`${stderr.find((l) => l.startsWith("gc 1 ")) ?? ""}\n${broken}${next}\n`);
    expect(withFirst.find((r) => r.kind === "note")).toMatchObject({ reason: "gc-missing", missingGcs: [2, 2] });
  });
});
