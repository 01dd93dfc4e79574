import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Every page of the built site, as a path relative to the site root ("", "en/", "lab/", ...).
 * Tests that must hold on every page iterate over this, so new pages and embeds are covered
 * without anyone remembering to add them.
 */
export function builtPages(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => relative(distDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((path) => path.endsWith("index.html"))
    .map((path) => path.slice(0, -"index.html".length))
    .sort();
}
