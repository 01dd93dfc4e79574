// SCHED lines are validated by a pattern and their fields read by hand for speed; these properties
// hold the result to the capturing regular expression it replaced.
import fc from "fast-check";
import { parseSchedLine } from "../../../src/lib/parse/parse-schedtrace.ts";
import { describeOracle, fixtureLines } from "./oracle-helpers.ts";

const I = String.raw`(-?\d+)`;
// The one intended change from the regex it replaced: a list holds numbers, not any run of digits,
// dashes and spaces (`[4-5]` made a NaN).
const LIST = String.raw` ?(?:-?\d+(?: -?\d+)*)? ?`;
const SCHED_LINE = new RegExp(
  String.raw`^SCHED (\d+)ms: gomaxprocs=${I} idleprocs=${I} threads=${I} spinningthreads=${I}` +
    String.raw`(?: needspinning=${I})? idlethreads=${I} runqueue=${I}` +
    String.raw`(?: \[(${LIST})\](?: schedticks=\[(${LIST})\])?` +
    String.raw`| gcwaiting=(0|1|false|true) nmidlelocked=${I} stopwait=${I} sysmonwait=(0|1|false|true))$`,
);
const numberList = (s: string): number[] =>
  s
    .split(" ")
    .filter((p) => p !== "")
    .map(Number);
const flag = (s: string | undefined): boolean => s === "1" || s === "true";

function reference(text: string) {
  const m = SCHED_LINE.exec(text);
  if (m === null) return null;
  const detailed = m[12] !== undefined;
  return {
    kind: "sched",
    line: 1,
    tMs: Number(m[1]),
    gomaxprocs: Number(m[2]),
    idleprocs: Number(m[3]),
    threads: Number(m[4]),
    spinningthreads: Number(m[5]),
    needspinning: m[6] === undefined ? null : Number(m[6]),
    idlethreads: Number(m[7]),
    runqueue: Number(m[8]),
    localRunqueues: detailed ? null : numberList(m[9] ?? ""),
    schedticks: m[10] === undefined ? null : numberList(m[10]),
    gcwaiting: detailed ? flag(m[11]) : null,
    nmidlelocked: detailed ? Number(m[12]) : null,
    stopwait: detailed ? Number(m[13]) : null,
    sysmonwait: detailed ? flag(m[14]) : null,
  };
}

const real = fixtureLines(
  [
    "go1.19-leak-scheddetail.txt",
    "go1.26-leak-scheddetail.txt",
    "go1.27-leak-scheddetail.txt",
    "go1.19-tick-schedtrace-scav-pacer.txt",
    "go1.26-tick-schedtrace-scav-pacer.txt",
    "go1.27-tick-schedtrace-scav-pacer.txt",
  ],
  (l) => l.startsWith("SCHED "),
);

const intText = fc.oneof(fc.integer().map(String), fc.constantFrom("-0", "007", "-1234567890123456789"));
const listText = fc
  .array(fc.constantFrom("0", "12", "-", " ", "-3", "4-5", "99999999999999999"), { maxLength: 6 })
  .map((a) => a.join(" "));
const flagText = fc.constantFrom("0", "1", "false", "true");
const built = fc
  .tuple(
    fc.nat(),
    fc.array(intText, { minLength: 9, maxLength: 9 }),
    fc.boolean(),
    fc.oneof(
      fc.tuple(listText, fc.option(listText)).map(([a, b]) => ` [${a}]` + (b === null ? "" : ` schedticks=[${b}]`)),
      fc.tuple(flagText, flagText).map(([a, b]) => ` gcwaiting=${a} nmidlelocked=1 stopwait=0 sysmonwait=${b}`),
    ),
  )
  .map(
    ([t, n, needs, tail]) =>
      `SCHED ${t}ms: gomaxprocs=${n[0]} idleprocs=${n[1]} threads=${n[2]} spinningthreads=${n[3]}` +
      (needs ? ` needspinning=${n[4]}` : "") +
      ` idlethreads=${n[5]} runqueue=${n[6]}${tail}`,
  );
const pieces = ["0", "-", "[", "]", " ", "=", "true", " needspinning=1", "\r", "\u0000"];

describeOracle("hand-read SCHED fields, against the capturing regular expression they replaced", {
  parse: (text) => parseSchedLine(text, 1),
  reference,
  real,
  generated: built,
  pieces,
});
