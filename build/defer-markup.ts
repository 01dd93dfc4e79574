import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { listPages } from "./dist-files.ts";

/** What deferMarkup did, for the build log and the tests. */
export interface DeferReport {
  pages: number;
  elements: number;
  bytes: number;
}

/**
 * The folder of dist/ that holds the deferred markup, one classic script per page and group, named
 * `<key>.js`. A sibling of the bundles' `_astro/`: restoreDeferred finds a key's script at
 * `../deferred/<key>.js` from its own script's address (src/client/deferred/restore-deferred.ts), so
 * the page does not write the URL on each of its templates.
 */
export const DEFERRED_DIR = "deferred";

const OPEN = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-defer(?:="([^"]*)")?(?=[\s>])[^>]*>/g;

/**
 * The end (exclusive) of the element whose opening tag ends at `from`: counts the same tag's
 * openings and closings. Our own markup only (attribute values and text escape `<`).
 */
export function elementEnd(html: string, tag: string, from: number): number {
  const tags = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, "g");
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] === "/" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`<${tag} data-defer> is never closed`);
}

/** The groups of deferred markup a page has (`data-defer="GROUP"`; "" for a bare `data-defer`). */
export function deferGroups(html: string): string[] {
  return [...new Set([...html.matchAll(new RegExp(OPEN.source, "g"))].map((m) => m[2] ?? ""))];
}

/**
 * Moves every element marked `data-defer` (of one group: `data-defer="wide"` is group "wide", a bare
 * `data-defer` group "") out of one page into a list of markup strings, and puts an empty
 * `<template data-deferred="KEY INDEX">` in its place (with `data-deferred-group="GROUP"` when
 * the group has a name; an SVG `<g>` leaves an empty `<g data-deferred>`, which SVG allows where the
 * group stood; marked elements one right after another share one slot); the markup goes to
 * `DEFERRED_DIR/KEY.js`. Only what a reader
 * cannot see before the widget's code runs is marked (another program's layer of the heap chart,
 * another program's listing or labels, the parts of the mechanism's drawing only another program
 * shows, the wide screens' charts), so the page looks the same; the widget's
 * loader puts it back (src/client/deferred/restore-deferred.ts) before the widget starts. Each group
 * is a file of its own, so that one widget's loader does not fetch another's markup.
 */
export function deferFromPage(html: string, group = ""): { html: string; key: string; markup: string[] } {
  const ranges: { from: number; to: number; tag: string; markup: string }[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(html); m; m = OPEN.exec(html)) {
    const tag = m[1] ?? "";
    const end = elementEnd(html, tag, m.index + m[0].length);
    if ((m[2] ?? "") === group) {
      // An element right after the last one (nothing between them) shares its slot, if of one kind.
      const unmarked = html.slice(m.index, end).replace(/\sdata-defer(?:="[^"]*")?(?=[\s>])/, "");
      const last = ranges.at(-1);
      if (last?.to === m.index && (last.tag === "g") === (tag === "g")) {
        last.to = end;
        last.markup += unmarked;
      } else ranges.push({ from: m.index, to: end, tag, markup: unmarked });
    }
    OPEN.lastIndex = end;
  }
  OPEN.lastIndex = 0;
  const markup = ranges.map((r) => r.markup);
  if (markup.length === 0) return { html, key: "", markup };
  const key = keyOf(markup);
  let out = "";
  let at = 0;
  ranges.forEach(({ from, to, tag }, i) => {
    const named = group === "" ? "" : ` data-deferred-group="${group}"`;
    // Inside SVG an HTML <template> would be an unknown SVG element: a group leaves an empty group.
    const slot = tag === "g" ? "g" : "template";
    out += `${html.slice(at, from)}<${slot} data-deferred="${key} ${String(i)}"${named}></${slot}>`;
    at = to;
  });
  return { html: out + html.slice(at), key, markup };
}

function keyOf(markup: string[]): string {
  return createHash("sha256").update(JSON.stringify(markup)).digest("hex").slice(0, 10);
}

/** The classic script that carries one page's deferred markup (works from file://, like the replay's data). */
export function deferredScript(key: string, markup: string[]): string {
  return `(self.__blockedForeverDeferred??={})[${JSON.stringify(key)}]=${JSON.stringify(markup)};\n`;
}

/**
 * Defers the marked markup of every page of the built site into `deferred/<key>.js` beside it, a
 * file per page and group.
 * Runs after the portable rewrite (the markup's URLs are already relative to its page, where it
 * goes back) and before the Content-Security-Policy (the scripts are the site's own files).
 */
export async function deferMarkup(distDir: string): Promise<DeferReport> {
  const report: DeferReport = { pages: 0, elements: 0, bytes: 0 };
  const pages = await listPages(distDir);
  for (const file of pages) {
    const html = await readFile(file, "utf8");
    const groups = deferGroups(html);
    if (groups.length === 0) continue;
    let out = html;
    for (const group of groups) {
      const result = deferFromPage(out, group);
      await mkdir(join(distDir, DEFERRED_DIR), { recursive: true });
      await writeFile(join(distDir, DEFERRED_DIR, `${result.key}.js`), deferredScript(result.key, result.markup));
      report.elements += result.markup.length;
      out = result.html;
    }
    await writeFile(file, out);
    report.pages += 1;
    report.bytes += Buffer.byteLength(html) - Buffer.byteLength(out);
  }
  return report;
}
