import { rewritePages } from "./dist-files.ts";

/** Elements whose text is kept exactly as written: their whitespace shows, or is code. */
const KEPT = /<(pre|textarea|script|style)\b[\s\S]*?<\/\1>/g;

/**
 * Whitespace alone between two tags, over more than one line or indented: one newline renders the
 * same. A piece between kept elements starts after a tag's ">" and ends before a tag's "<".
 */
const INDENT = /(^|>)[ \t]*\n\s*(?=<|$)/g;

/**
 * Drops the indentation between tags that Astro keeps from the components' source (compressHTML
 * is off, so that the spaces between inline elements and text stay as written): a whitespace-only
 * run between two tags that holds a newline becomes that one newline, which lays out the same in
 * every element whose white-space collapses. <pre>, <textarea>, <script> and <style> are left
 * as they are; nothing else on the page keeps its whitespace (white-space: pre only inside them,
 * in SVG <text> without whitespace-only runs, and on elements the client builds).
 */
export function collapseWhitespace(html: string): string {
  let out = "";
  let at = 0;
  for (const m of html.matchAll(KEPT)) {
    out += html.slice(at, m.index).replace(INDENT, "$1\n") + m[0];
    at = m.index + m[0].length;
  }
  return out + html.slice(at).replace(INDENT, "$1\n");
}

/** Collapses the indentation of every page of the built site (collapseWhitespace); returns the bytes saved. */
export async function collapseWhitespaceInPages(distDir: string): Promise<number> {
  return (await rewritePages(distDir, collapseWhitespace)).saved;
}
