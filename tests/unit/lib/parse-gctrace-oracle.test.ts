// gctrace lines are validated by a pattern and their numbers read by hand for speed; these
// properties hold the result to the capturing regular expression and Number() it replaced.
import fc from "fast-check";
import { parseGctraceLine } from "../../../src/lib/parse/parse-gctrace.ts";
import { describeOracle, fixtureLines } from "./oracle-helpers.ts";

// The line written out whole as the runtime prints it, each number a named group: a number may
// have a fraction, an integer may not, and neither is ever signed.
const num = (name: string): string => String.raw`(?<${name}>\d+(?:\.\d+)?)`;
const int = (name: string): string => String.raw`(?<${name}>\d+)`;
const GC_LINE = new RegExp(
  String.raw`^gc ${int("n")} @${num("t")}s ${int("cpu")}%(?<leak> \(checking for goroutine leaks\))?: ` +
    String.raw`${num("clock1")}\+${num("clock2")}\+${num("clock3")} ms clock, ` +
    String.raw`${num("cpu1")}\+${num("cpu2")}/${num("cpu3")}/${num("cpu4")}\+${num("cpu5")} ms cpu, ` +
    String.raw`${int("start")}->${int("end")}->${int("live")} MB, ${int("goal")} MB goal, ` +
    String.raw`(?:${int("stacks")} MB stacks, ${int("globals")} MB globals, )?` +
    String.raw`${int("procs")} P(?<forced> \(forced\))?$`,
);

function reference(text: string) {
  const g = GC_LINE.exec(text)?.groups;
  if (g === undefined) return null;
  const n = (name: string): number => Number(g[name]);
  return {
    kind: "gc",
    line: 1,
    n: n("n"),
    t: n("t"),
    cpuPercent: n("cpu"),
    clockMs: [n("clock1"), n("clock2"), n("clock3")],
    cpuMs: [n("cpu1"), n("cpu2"), n("cpu3"), n("cpu4"), n("cpu5")],
    heapMB: [n("start"), n("end"), n("live")],
    goalMB: n("goal"),
    stacksMB: g.stacks === undefined ? null : n("stacks"),
    globalsMB: g.globals === undefined ? null : n("globals"),
    procs: n("procs"),
    forced: g.forced !== undefined,
    leakCheck: g.leak !== undefined,
  };
}

const real = fixtureLines(
  [
    "go1.19-torn-gctrace.txt",
    "go1.26-torn-gctrace.txt",
    "go1.27-tick-schedtrace-scav-pacer.txt",
    "go1.27-leak-scheddetail.txt",
  ],
  (l) => l.startsWith("gc "),
);

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

describeOracle("hand-read gctrace numbers, against a capturing regular expression and Number()", {
  parse: (text) => parseGctraceLine(text, 1),
  reference,
  real,
  generated: built,
  pieces,
});
