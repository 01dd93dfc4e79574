import { readdir } from "node:fs/promises";
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
