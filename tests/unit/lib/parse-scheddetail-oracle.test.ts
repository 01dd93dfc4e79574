// The scheddetail P, M and G lines are matched by hand for speed; these properties hold the hand
// matchers to the anchored regular expressions they replaced, on real lines and on near misses.
import fc from "fast-check";
import { parseGLine, parseMLine, parsePLine } from "../../../src/lib/parse/parse-scheddetail.ts";
import { describeOracle, fixtureLines, readGroups } from "./oracle-helpers.ts";

// Each field a named group: an id may be nil, a number signed.
const id = (name: string): string => String.raw`(?<${name}>-?\d+|nil)`;
const int = (name: string): string => String.raw`(?<${name}>-?\d+)`;
const P_LINE = new RegExp(
  String.raw`^  P(?<id>\d+): status=${int("status")} schedtick=${int("schedtick")} syscalltick=${int("syscalltick")}` +
    String.raw` m=${id("m")} runqsize=${int("runqsize")} gfreecnt=${int("gfreecnt")}(?: timerslen=${int("timerslen")})?$`,
);
const M_LINE = new RegExp(
  String.raw`^  M(?<id>\d+): p=${id("p")} curg=${id("curg")} mallocing=${int("mallocing")} throwing=${int("throwing")}` +
    String.raw` preemptoff=(?<preemptoff>.*?) locks=${int("locks")} dying=${int("dying")}` +
    String.raw` spinning=(?<spinning>true|false) blocked=(?<blocked>true|false) lockedg=${id("lockedg")}$`,
);
const G_LINE = new RegExp(
  String.raw`^  G(?<id>\d+): status=(?<status>\d+)\((?<waitReason>.*)\) m=${id("m")} lockedm=${id("lockedm")}$`,
);
// eslint-disable-next-line no-control-regex -- binary input is what the free-text fields refuse
const BINARY = /[\u0000\uFFFD]/;

type Read = (s: string | undefined) => unknown;
const num: Read = (s) => Number(s);
const optionalId: Read = (s) => {
  if (s === undefined || s === "nil") return null;
  const n = Number(s);
  return n < 0 ? null : n;
};
const text: Read = (s) => s ?? "";
const bool: Read = (s) => s === "true";

// The regex parsers as they were, plus the one intended change: free text with binary data in it
// no longer parses (parseLine turned such a record into a binary-data error anyway).
function reference(kind: string, pattern: RegExp, read: Record<string, Read>, free?: string) {
  return (line: string) => {
    const m = pattern.exec(line);
    if (m === null || (free !== undefined && BINARY.test(m.groups?.[free] ?? ""))) return null;
    return { kind, line: 1, tMs: 5, ...readGroups(m, read) };
  };
}
const refP = reference("p", P_LINE, {
  id: num,
  status: num,
  schedtick: num,
  syscalltick: num,
  m: optionalId,
  runqsize: num,
  gfreecnt: num,
  timerslen: (s) => (s === undefined ? null : Number(s)),
});
const refM = reference(
  "m",
  M_LINE,
  {
    id: num,
    p: optionalId,
    curg: optionalId,
    mallocing: num,
    throwing: num,
    preemptoff: text,
    locks: num,
    dying: num,
    spinning: bool,
    blocked: bool,
    lockedg: optionalId,
  },
  "preemptoff",
);
const refG = reference(
  "g",
  G_LINE,
  { id: num, status: num, waitReason: text, m: optionalId, lockedm: optionalId },
  "waitReason",
);

const real = fixtureLines(
  ["go1.19-leak-scheddetail.txt", "go1.27-leak-scheddetail.txt", "go1.26-leak-scheddetail.txt"],
  (l) => /^ {2}[PMG]\d/.test(l),
);

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

describeOracle("hand-written scheddetail matchers, against the anchored regular expressions they replaced", {
  parse: (text) => [parsePLine(text, 1, 5), parseMLine(text, 1, 5), parseGLine(text, 1, 5)],
  reference: (text) => [refP(text), refM(text), refG(text)],
  real,
  generated: fc.oneof(builtG, builtM, builtP),
  pieces,
});
