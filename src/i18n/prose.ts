import { fill } from "./fill.ts";
import { STRINGS, type Lang } from "./lang.ts";

/** Joins words as a sentence lists them: "a, b and c" / "a、b 和 c". Missing values print as "–". */
export function joinList(lang: Lang, items: readonly (string | number | null | undefined)[]): string {
  const { listSeparator, listAnd } = STRINGS[lang].prose;
  const s = items.map((x) => String(x ?? "–"));
  return s.length > 1 ? `${s.slice(0, -1).join(listSeparator)}${listAnd}${s.at(-1) ?? ""}` : (s[0] ?? "");
}

/** Sentences written apart, run together as the language does: a space between them in English, none in Chinese. */
export function joinSentences(lang: Lang, sentences: readonly string[]): string {
  const { twoSentences } = STRINGS[lang].prose;
  return sentences.reduce((all, next) => (all === "" ? next : fill(twoSentences, { first: all, next })), "");
}

/** A number with its thousands grouped, "12,345": the prose of both languages writes them so. */
export function digits(x: number): string {
  return x.toLocaleString("en-US");
}

/**
 * A count as prose writes it: a word up to twelve ("five", 五), digits beyond. The article's counts
 * come from the recordings, so the words follow the data if a program changes.
 */
export function countWord(lang: Lang, n: number): string {
  const { counts, bigCount } = STRINGS[lang].prose;
  if (Number.isInteger(n) && n >= 0 && n < counts.length) return counts[n] ?? String(n);
  return fill(bigCount, { n });
}

/**
 * {@link countWord} for a count the prose puts before a plural noun ("five buffers", "six times").
 * The sentences are written for two or more: a recording with fewer (or none) stops the build
 * rather than print "one buffers".
 */
export function many(lang: Lang, n: number): string {
  if (!Number.isInteger(n) || n < 2) {
    throw new Error(`the article's prose needs a count of two or more here, and the recording gives ${String(n)}`);
  }
  return countWord(lang, n);
}
