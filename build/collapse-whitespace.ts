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

/** Text outside tags (HTML, no SVG): each run of whitespace with a newline becomes that newline. */
function collapseText(html: string): string {
  let out = "";
  let at = 0;
  for (const m of html.matchAll(TAG)) {
    out += html.slice(at, m.index).replace(BREAK, "\n") + m[0];
    at = m.index + m[0].length;
  }
  return out + html.slice(at).replace(BREAK, "\n");
}

/** A piece between kept elements: its SVG loses only the indentation between tags, the rest every run of whitespace with a newline. */
function collapsePiece(html: string): string {
  let out = "";
  let at = 0;
  for (const m of html.matchAll(SVG)) {
    out += collapseText(html.slice(at, m.index)) + m[0].replace(INDENT, "$1\n");
    at = m.index + m[0].length;
  }
  return out + collapseText(html.slice(at));
}

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
  let out = "";
  let at = 0;
  for (const m of html.matchAll(KEPT)) {
    out += collapsePiece(html.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + collapsePiece(html.slice(at));
}

/** Collapses the indentation of every page of the built site (collapseWhitespace); returns the bytes saved. */
export async function collapseWhitespaceInPages(distDir: string): Promise<number> {
  return (await rewritePages(distDir, collapseWhitespace)).saved;
}
