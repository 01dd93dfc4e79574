// Near misses for the parser oracle tests: a line from `lines` with up to three edits, each deleting
// up to three characters somewhere and inserting one of `pieces` (bits of the format, line ends,
// binary data) or a short random string there. Most near misses must be refused; the few that
// still read as a line of the format must read the same as the reference does.
import fc from "fast-check";

export function nearMiss(lines: fc.Arbitrary<string>, pieces: readonly string[]): fc.Arbitrary<string> {
  const insert = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }));
  return fc
    .tuple(lines, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), insert), { maxLength: 3 }))
    .map(([line, edits]) => {
      let s = line;
      for (const [at, del, ins] of edits) {
        const i = at % (s.length + 1);
        s = s.slice(0, i) + ins + s.slice(i + del);
      }
      return s;
    });
}
