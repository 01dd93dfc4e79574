import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { builtPages } from "./pages.ts";

const distDir = inject("distDir");
const validator = new HtmlValidate(new FileSystemConfigLoader());
const stylish = formatterFactory("stylish");

describe("valid HTML (html-validate)", () => {
  it.each(builtPages(distDir))("/%s is valid HTML", async (page) => {
    const report = await validator.validateFile(join(distDir, page, "index.html"));
    expect(report.valid, stylish(report.results)).toBe(true);
  });

  it.each(builtPages(distDir))("/%s shows no unfilled {placeholder} of a string template", (page) => {
    const html = readFileSync(join(distDir, page, "index.html"), "utf8");
    // The text a reader sees: scripts (JSON data and code) and styles are not text.
    const text = html
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<style[\s\S]*?<\/style>/g, "")
      .replace(/<[^>]+>/g, " ");
    expect(text.match(/\{[A-Za-z]\w*\}/g) ?? []).toEqual([]);
  });

  it.each(builtPages(distDir))("/%s draws only with what it has (<use href=#id>, url(#id))", (page) => {
    const html = readFileSync(join(distDir, page, "index.html"), "utf8");
    // The page's deferred markup (build/defer-markup.ts) comes back into it, with its ids and references.
    const deferred = [...html.matchAll(/data-deferred="?(\w+) /g)].map((m) =>
      readFileSync(join(distDir, "deferred", `${m[1] ?? ""}.js`), "utf8"),
    );
    const all = [html.replace(/<style[\s\S]*?<\/style>/g, ""), ...new Set(deferred)].join("\n").replace(/\\"/g, '"');
    const ids = new Set([...all.matchAll(/\sid="?([\w-]+)/g)].map((m) => m[1]));
    const refs = [
      ...[...all.matchAll(/<use\b[^>]*?\shref="?#([\w-]+)/g)].map((m) => m[1]),
      ...[...all.matchAll(/url\(#([\w-]+)\)/g)].map((m) => m[1]),
    ];
    // mechanism.css draws every figure's arrows and garbage buffers with the page's one copy.
    if (all.includes("class=mechanism-svg")) refs.push("mech-arrow", "mech-hatch");
    expect(refs.filter((id) => !ids.has(id))).toEqual([]);
    // One copy of each: the mechanism figures' drawings are the page's, not each figure's.
    expect([...all.matchAll(/\sid="?mech-arrow\b/g)].length).toBeLessThanOrEqual(1);
  });
});
