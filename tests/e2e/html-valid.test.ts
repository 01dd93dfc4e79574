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
});
