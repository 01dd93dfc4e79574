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
});
