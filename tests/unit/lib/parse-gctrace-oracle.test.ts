// gctrace lines are validated by a pattern and their numbers read by hand for speed; these
// properties hold the result to the capturing regular expression and Number() it replaced.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGctraceLine } from "../../../src/lib/parse/parse-gctrace.ts";
import { fixture } from "./fixtures.ts";
import { nearMiss } from "./near-miss.ts";

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const INT = String.raw`(\d+)`;
const GC_LINE = new RegExp(
  "^gc " +
    INT +
    " @" +
    NUM +
    "s " +
    INT +
    "%" +
    String.raw`( \(checking for goroutine leaks\))?: ` +
    `${NUM}\\+${NUM}\\+${NUM} ms clock, ` +
    `${NUM}\\+${NUM}/${NUM}/${NUM}\\+${NUM} ms cpu, ` +
    `${INT}->${INT}->${INT} MB, ${INT} MB goal, ` +
    `(?:${INT} MB stacks, ${INT} MB globals, )?` +
    INT +
    " P" +
    String.raw`( \(forced\))?$`,
);

function reference(text: string) {
  const m = GC_LINE.exec(text);
  if (m === null) return null;
  const n = (i: number): number => Number(m[i]);
  return {
    kind: "gc",
    line: 1,
    n: n(1),
    t: n(2),
    cpuPercent: n(3),
    clockMs: [n(5), n(6), n(7)],
    cpuMs: [n(8), n(9), n(10), n(11), n(12)],
    heapMB: [n(13), n(14), n(15)],
    goalMB: n(16),
    stacksMB: m[17] === undefined ? null : n(17),
    globalsMB: m[18] === undefined ? null : n(18),
    procs: n(19),
    forced: m[20] !== undefined,
    leakCheck: m[4] !== undefined,
  };
}

const real = [
  ...fixture("go1.19-torn-gctrace.txt").split("\n"),
  ...fixture("go1.26-torn-gctrace.txt").split("\n"),
  ...fixture("go1.27-tick-schedtrace-scav-pacer.txt").split("\n"),
  ...fixture("go1.27-leak-scheddetail.txt").split("\n"),
].filter((l) => l.startsWith("gc "));

// Number texts on the edges: fractions of any length, leading and trailing zeros, and more
// digits than a double holds exactly.
const numText = fc.oneof(
  fc.nat().map(String),
  fc.tuple(fc.nat(), fc.stringMatching(/^\d{1,6}$/)).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom(
    "0",
    "007",
    "0.000",
    "0.90",
    "1.0",
    "9007199254740993",
    "12345678901234567.25",
    "0.1234567890123456789",
  ),
);
const intText = fc.oneof(fc.nat().map(String), fc.constantFrom("0", "00", "123456789012345678"));
const built = fc
  .tuple(
    fc.tuple(intText, numText, intText, fc.boolean()),
    fc.array(numText, { minLength: 8, maxLength: 8 }),
    fc.array(intText, { minLength: 5, maxLength: 5 }),
    fc.boolean(),
    intText,
    fc.boolean(),
  )
  .map(
    ([[n, t, cpu, leak], c, h, scan, procs, forced]) =>
      `gc ${n} @${t}s ${cpu}%${leak ? " (checking for goroutine leaks)" : ""}: ` +
      `${c[0]}+${c[1]}+${c[2]} ms clock, ${c[3]}+${c[4]}/${c[5]}/${c[6]}+${c[7]} ms cpu, ` +
      `${h[0]}->${h[1]}->${h[2]} MB, ${h[3]} MB goal, ${scan ? `${h[4]} MB stacks, 0 MB globals, ` : ""}` +
      `${procs} P${forced ? " (forced)" : ""}`,
  );
const pieces = ["0", "9", ".", "+", "/", "->", " ", "s", "%", " P", " MB", " (forced)", "\r", "\u0000", "1."];
const nearMissArb = nearMiss(fc.oneof(fc.constantFrom(...real), built), pieces);

const same = (text: string): void => {
  expect(parseGctraceLine(text, 1)).toStrictEqual(reference(text));
};

describe("hand-read gctrace numbers", () => {
  it("agree with the regular expression and Number() on every real line", () => {
    for (const line of real) same(line);
  });

  it("agree on generated lines with odd numbers", () => {
    fc.assert(fc.property(built, same), { numRuns: 3000 });
  });

  it("agree on near misses", () => {
    fc.assert(fc.property(nearMissArb, same), { numRuns: 3000 });
  });
});
