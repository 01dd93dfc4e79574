// What the parser oracle tests share: each restates its format's patterns in its own way (they must
// stay independent of the parser's), and holds the parser to them on the same three kinds of input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures.ts";

/**
 * Near misses: a line from `lines` with up to three edits, each deleting up to three characters
 * somewhere and inserting one of `pieces` (bits of the format, line ends, binary data) or a short
 * random string there. Most near misses must be refused; the few that still read as a line of the
 * format must read the same as the reference does.
 */
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

/** The lines of the named fixtures (recorded runtime output) that `keep` picks. */
export function fixtureLines(names: readonly string[], keep: (line: string) => boolean): string[] {
  return names.flatMap((name) => fixture(name).split("\n")).filter(keep);
}

/** A record of a match's named groups, each read by its converter: `{ key: read[key](groups[key]) }`. */
export function readGroups(
  m: RegExpExecArray,
  read: Readonly<Record<string, (s: string | undefined) => unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(read).map(([key, f]) => [key, f(m.groups?.[key])]));
}

/** What an oracle test holds against what: the parser, its reference, and the lines to try. */
export interface Oracle {
  /** The parser under test, on one text. */
  parse: (text: string) => unknown;
  /** The oracle's own reading of the same text, to the letter what `parse` must return. */
  reference: (text: string) => unknown;
  /** Real lines of the format, from recorded fixtures. */
  real: readonly string[];
  /** Lines built to the format with odd fields. */
  generated: fc.Arbitrary<string>;
  /** Bits of the format for the near misses to insert (see {@link nearMiss}). */
  pieces: readonly string[];
}

/**
 * The oracle's three properties: the parser agrees with the reference on every real line, on
 * generated lines with odd fields, and on near misses of both.
 */
export function describeOracle(title: string, { parse, reference, real, generated, pieces }: Oracle): void {
  const same = (text: string): void => {
    expect(parse(text)).toStrictEqual(reference(text));
  };
  describe(title, () => {
    it("agree with the reference on every real line", () => {
      // Enough real lines that the fixtures cannot silently have lost them.
      expect(real.length).toBeGreaterThan(10);
      for (const line of real) same(line);
    });

    it("agree on generated lines with odd fields", () => {
      fc.assert(fc.property(generated, same), { numRuns: 3000 });
    });

    it("agree on near misses of real and generated lines", () => {
      fc.assert(fc.property(nearMiss(fc.oneof(fc.constantFrom(...real), generated), pieces), same), { numRuns: 3000 });
    });
  });
}
