// The scheddetail P, M and G lines are matched by hand for speed; these properties hold the hand
// matchers to the anchored regular expressions they replaced, on real lines and on near misses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGLine, parseMLine, parsePLine } from "../../../src/lib/parse/parse-scheddetail.ts";
import { fixture } from "./fixtures.ts";
import { nearMiss } from "./near-miss.ts";

const ID = String.raw`(-?\d+|nil)`;
const I = String.raw`(-?\d+)`;
const P_LINE = new RegExp(
  String.raw`^  P(\d+): status=${I} schedtick=${I} syscalltick=${I} m=${ID} runqsize=${I} gfreecnt=${I}(?: timerslen=${I})?$`,
);
const M_LINE = new RegExp(
  String.raw`^  M(\d+): p=${ID} curg=${ID} mallocing=${I} throwing=${I} preemptoff=(.*?) locks=${I} dying=${I}` +
    String.raw` spinning=(true|false) blocked=(true|false) lockedg=${ID}$`,
);
const G_LINE = new RegExp(String.raw`^  G(\d+): status=(\d+)\((.*)\) m=${ID} lockedm=${ID}$`);
// eslint-disable-next-line no-control-regex -- binary input is what the free-text fields refuse
const BINARY = /[\u0000\uFFFD]/;

function optionalId(s: string | undefined): number | null {
  if (s === undefined || s === "nil") return null;
  const n = Number(s);
  return n < 0 ? null : n;
}

// The regex parsers as they were, plus the one intended change: free text with binary data in it
// no longer parses (parseLine turned such a record into a binary-data error anyway).
function refP(text: string) {
  const m = P_LINE.exec(text);
  if (m === null) return null;
  return {
    kind: "p",
    line: 1,
    tMs: 5,
    id: Number(m[1]),
    status: Number(m[2]),
    schedtick: Number(m[3]),
    syscalltick: Number(m[4]),
    m: optionalId(m[5]),
    runqsize: Number(m[6]),
    gfreecnt: Number(m[7]),
    timerslen: m[8] === undefined ? null : Number(m[8]),
  };
}
function refM(text: string) {
  const m = M_LINE.exec(text);
  if (m === null || BINARY.test(m[6] ?? "")) return null;
  return {
    kind: "m",
    line: 1,
    tMs: 5,
    id: Number(m[1]),
    p: optionalId(m[2]),
    curg: optionalId(m[3]),
    mallocing: Number(m[4]),
    throwing: Number(m[5]),
    preemptoff: m[6] ?? "",
    locks: Number(m[7]),
    dying: Number(m[8]),
    spinning: m[9] === "true",
    blocked: m[10] === "true",
    lockedg: optionalId(m[11]),
  };
}
function refG(text: string) {
  const m = G_LINE.exec(text);
  if (m === null || BINARY.test(m[3] ?? "")) return null;
  return {
    kind: "g",
    line: 1,
    tMs: 5,
    id: Number(m[1]),
    status: Number(m[2]),
    waitReason: m[3] ?? "",
    m: optionalId(m[4]),
    lockedm: optionalId(m[5]),
  };
}

const real = [
  ...fixture("go1.19-leak-scheddetail.txt").split("\n"),
  ...fixture("go1.27-leak-scheddetail.txt").split("\n"),
  ...fixture("go1.26-leak-scheddetail.txt").split("\n"),
].filter((l) => /^ {2}[PMG]\d/.test(l));

// Characters and pieces that sit on the edges of the formats.
const pieces = [
  "0",
  "7",
  "-",
  "-0",
  "-1",
  "nil",
  "n",
  " ",
  "(",
  ")",
  "=",
  ") m=",
  " m=nil",
  " lockedm=-1",
  " locks=0",
  " dying=0",
  " spinning=true",
  " blocked=false",
  " lockedg=nil",
  " timerslen=3",
  "true",
  "false",
  "\r",
  "\n",
  "\u2028",
  "\u0000",
  "\uFFFD",
  "12345678901234567",
  "-98765432109876543210",
];
const pieceArb = fc.constantFrom(...pieces);
// A real line with a few pieces inserted, and pieces of it deleted or replaced.
const nearMissArb = nearMiss(fc.constantFrom(...real), pieces);
const idArb = fc.oneof(fc.constantFrom("nil", "-1", "-0", "0", "007", "12345678901234567890"), fc.nat().map(String));
const intArb = fc.oneof(fc.constantFrom("-1", "-0", "0", "99999999999999999"), fc.integer().map(String));
const freeArb = fc.array(fc.oneof(pieceArb, fc.string({ maxLength: 4 })), { maxLength: 4 }).map((a) => a.join(""));
const builtG = fc
  .tuple(fc.nat(), fc.nat(), freeArb, idArb, idArb)
  .map(([id, st, r, m, l]) => `  G${id}: status=${st}(${r}) m=${m} lockedm=${l}`);
const builtM = fc
  .tuple(idArb, idArb, intArb, intArb, freeArb, intArb, intArb, fc.boolean(), fc.boolean(), idArb)
  .map(
    ([p, g, ma, th, po, lo, dy, sp, bl, lg]) =>
      `  M${Math.abs(Number(lo)) % 100}: p=${p} curg=${g} mallocing=${ma} throwing=${th} preemptoff=${po} locks=${lo} dying=${dy} spinning=${sp} blocked=${bl} lockedg=${lg}`,
  );
const builtP = fc
  .tuple(fc.nat(), intArb, intArb, intArb, idArb, intArb, intArb, fc.option(intArb))
  .map(
    ([id, st, sc, sy, m, rq, gf, tl]) =>
      `  P${id}: status=${st} schedtick=${sc} syscalltick=${sy} m=${m} runqsize=${rq} gfreecnt=${gf}` +
      (tl === null ? "" : ` timerslen=${tl}`),
  );

const same = (text: string) => {
  expect(parsePLine(text, 1, 5)).toStrictEqual(refP(text));
  expect(parseMLine(text, 1, 5)).toStrictEqual(refM(text));
  expect(parseGLine(text, 1, 5)).toStrictEqual(refG(text));
};

describe("hand-written scheddetail matchers", () => {
  it("agree with the regular expressions on every real line", () => {
    for (const line of real) same(line);
  });

  it("agree with the regular expressions on near misses of real lines", () => {
    fc.assert(fc.property(nearMissArb, same), { numRuns: 3000 });
  });

  it("agree with the regular expressions on generated lines with odd fields", () => {
    fc.assert(fc.property(fc.oneof(builtG, builtM, builtP), same), { numRuns: 3000 });
  });
});
