import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { builtPages } from "./pages.ts";

const distDir = inject("distDir");
const pages = builtPages(distDir);

/** The ids in an HTML file, the targets of #anchors. */
function idsOf(file: string): Set<string> {
  return new Set(
    [...readFileSync(file, "utf8").matchAll(/\sid=(?:"([^"]+)"|([^\s"'=<>`]+))/g)].map((m) => m[1] ?? m[2] ?? ""),
  );
}

/** The HTML file a relative link from `fromFile` lands on, or the file it names. */
function target(fromFile: string, href: string): string {
  const path = resolve(dirname(fromFile), decodeURIComponent(href));
  return existsSync(path) && statSync(path).isDirectory() ? join(path, "index.html") : path;
}

describe("internal links", () => {
  it.each(pages)("every link and anchor on /%s resolves inside the built site", (page) => {
    const file = join(distDir, page, "index.html");
    const html = readFileSync(file, "utf8");
    const broken: string[] = [];
    // Quoted or not: the build drops quotes a value does not need (build/minify-markup.ts); not
    // "src=&quot;…", a snippet's text in the embed index's textareas.
    for (const m of html.matchAll(/\s(?:href|src)=(?:"([^"]*)"|([^\s"'=<>`&][^\s"'=<>`]*))/g)) {
      const url = m[1] ?? m[2] ?? "";
      if (/^(?:[a-z]+:|\/\/)/i.test(url)) continue; // absolute URLs: checked by the no-outside-request tests
      if (url.startsWith("/")) {
        broken.push(`${url} (root-absolute: breaks under a subfolder and from file://)`);
        continue;
      }
      const [path = "", hash] = url.split("#");
      const dest = path === "" ? file : target(file, path);
      if (!existsSync(dest)) {
        broken.push(`${url} (no such file)`);
        continue;
      }
      if (hash && dest.endsWith(".html") && !idsOf(dest).has(decodeURIComponent(hash))) {
        broken.push(`${url} (no element with id "${hash}")`);
      }
    }
    expect(broken).toEqual([]);
  });
});
