// scav lines are validated by one pattern and their numbers read by hand for speed; these
// properties hold the result to the three capturing regular expressions it replaced.
import fc from "fast-check";
import { parseScavLine } from "../../../src/lib/parse/parse-scavtrace.ts";
import { describeOracle, fixtureLines } from "./oracle-helpers.ts";

const SUFFIX = String.raw`( \(forced\)| \[controller reset\])?$`;
const OLD = new RegExp(String.raw`^scav (\d+) (\d+) KiB work, (\d+) KiB total, (\d+)% util` + SUFFIX);
const V119 = new RegExp(String.raw`^scav (\d+) KiB work, (\d+) KiB total, (\d+)% util` + SUFFIX);
const V121 = new RegExp(
  String.raw`^scav (\d+) KiB work \(bg\), (\d+) KiB work \(eager\), (\d+) KiB now, (\d+)% util` + SUFFIX,
);

function reference(text: string) {
  const record = (form: string, n: (string | undefined)[], suffix: string | undefined) => ({
    kind: "scav",
    line: 1,
    form,
    gen: n[0] === undefined ? null : Number(n[0]),
    workKiB: Number(n[1]),
    eagerKiB: n[2] === undefined ? null : Number(n[2]),
    retainedKiB: Number(n[3]),
    utilPercent: Number(n[4]),
    forced: suffix === " (forced)",
    controllerReset: suffix === " [controller reset]",
  });
  let m = V121.exec(text);
  if (m !== null) return record("1.21+", [undefined, m[1], m[2], m[3], m[4]], m[5]);
  m = V119.exec(text);
  if (m !== null) return record("1.19", [undefined, m[1], undefined, m[2], m[3]], m[4]);
  m = OLD.exec(text);
  if (m !== null) return record("old", [m[1], m[2], undefined, m[3], m[4]], m[5]);
  return null;
}

const real = fixtureLines(["go1.19-tick-schedtrace-scav-pacer.txt", "go1.26-tick-schedtrace-scav-pacer.txt"], (l) =>
  l.startsWith("scav "),
);

const numText = fc.oneof(fc.nat().map(String), fc.constantFrom("0", "007", "123456789012345678"));
const suffixText = fc.constantFrom("", " (forced)", " [controller reset]");
const built = fc
  .tuple(fc.constantFrom("old", "1.19", "1.21+"), fc.array(numText, { minLength: 5, maxLength: 5 }), suffixText)
  .map(([form, n, suffix]) => {
    if (form === "old") return `scav ${n[0]} ${n[1]} KiB work, ${n[2]} KiB total, ${n[3]}% util${suffix}`;
    if (form === "1.19") return `scav ${n[0]} KiB work, ${n[1]} KiB total, ${n[2]}% util${suffix}`;
    return `scav ${n[0]} KiB work (bg), ${n[1]} KiB work (eager), ${n[2]} KiB now, ${n[3]}% util${suffix}`;
  });
const pieces = ["0", "9", " ", "-", " KiB", " (bg)", " (forced)", " [controller reset]", "%", ",", "\r", "\u0000"];

describeOracle("hand-read scav fields, against the three regular expressions they replaced", {
  parse: (text) => parseScavLine(text, 1),
  reference,
  real,
  generated: built,
  pieces,
});
