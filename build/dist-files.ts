import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Every file below `dir` (the built site), as full paths, sorted so each step visits them in one order. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The built site's pages: every .html file below `dir`, sorted. */
export async function listPages(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f.endsWith(".html"));
}

/**
 * Rewrites every page of the built site with `transform` (given its HTML and path), writing only
 * the pages it changes; says how many it changed and how many bytes they lost.
 */
export async function rewritePages(
  dir: string,
  transform: (html: string, file: string) => string,
): Promise<{ pages: number; saved: number }> {
  let pages = 0;
  let saved = 0;
  for (const file of await listPages(dir)) {
    const html = await readFile(file, "utf8");
    const out = transform(html, file);
    if (out === html) continue;
    pages++;
    saved += Buffer.byteLength(html) - Buffer.byteLength(out);
    await writeFile(file, out);
  }
  return { pages, saved };
}
