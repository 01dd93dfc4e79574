import { rewritePages } from "./dist-files.ts";

/** Elements whose text is kept exactly as written: their whitespace shows, or is code. */
const KEPT = /<(pre|textarea|script|style)\b[\s\S]*?<\/\1>/g;

/** SVG, whose text may lay out with `white-space: pre` (Plot's labels): only the indentation between its tags goes. */
const SVG = /<svg\b[\s\S]*?<\/svg>/g;

/**
 * Whitespace alone between two tags, over more than one line or indented: one newline renders the
 * same. A piece between kept elements starts after a tag's ">" and ends before a tag's "<".
 */
const INDENT = /(^|>)[ \t]*\n[ \t\r\n]*(?=<|$)/g;

/** A tag, its quoted attribute values read whole (they may hold ">" and newlines, which stay). */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * A run of whitespace that holds a newline, in text: the line breaks and indentation of the
 * components' source around a sentence. Spaces and tabs only (`\s` would take a no-break space).
 */
const BREAK = /[ \t]*\n[ \t\r\n]*/g;

/**
 * `html` with each match of `re` passed to `match` and the text between matches (and around them)
 * to `between`: the one walk the three levels below share (kept elements, SVG, tags).
 */
function mapAround(
  html: string,
  re: RegExp,
  between: (text: string) => string,
  match: (m: string) => string = (m) => m,
): string {
  let out = "";
  let at = 0;
  for (const m of html.matchAll(re)) {
    out += between(html.slice(at, m.index)) + match(m[0]);
    at = m.index + m[0].length;
  }
  return out + between(html.slice(at));
}

/** Text outside tags (HTML, no SVG): each run of whitespace with a newline becomes that newline. */
const collapseText = (html: string): string => mapAround(html, TAG, (text) => text.replace(BREAK, "\n"));

/** A piece between kept elements: its SVG loses only the indentation between tags, the rest every run of whitespace with a newline. */
const collapsePiece = (html: string): string =>
  mapAround(html, SVG, collapseText, (svg) => svg.replace(INDENT, "$1\n"));

/**
 * Drops the indentation and line breaks that Astro keeps from the components' source (compressHTML
 * is off, so that the spaces between inline elements and text stay as written): a run of
 * whitespace that holds a newline becomes that one newline, between tags and inside text alike,
 * which lays out the same in every element whose white-space collapses (a newline there is a
 * space, and a space next to it adds nothing). <pre>, <textarea>, <script> and <style> are left as
 * they are, and so is text inside SVG (Plot's labels lay out with `white-space: pre`); nothing
 * else on the page keeps its whitespace (white-space: pre or pre-wrap only inside <pre>, and on
 * elements the client builds). Attribute values are never touched.
 */
export function collapseWhitespace(html: string): string {
  return mapAround(html, KEPT, collapsePiece);
}

/** Collapses the indentation of every page of the built site (collapseWhitespace); returns the bytes saved. */
export async function collapseWhitespaceInPages(distDir: string): Promise<number> {
  return (await rewritePages(distDir, collapseWhitespace)).saved;
}
