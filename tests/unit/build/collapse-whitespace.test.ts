import { describe, expect, it } from "vitest";
import { collapseWhitespace } from "../../../build/collapse-whitespace.ts";

describe("collapseWhitespace (build/collapse-whitespace.ts)", () => {
  it("turns indentation between tags into one newline, and leaves text and its spaces alone", () => {
    expect(collapseWhitespace("<ul>\n    <li>a <b>b</b> c</li>\n\n    <li>d</li>\n  </ul>")).toBe(
      "<ul>\n<li>a <b>b</b> c</li>\n<li>d</li>\n</ul>",
    );
    // A space between two inline elements on one line is the text's own: kept.
    expect(collapseWhitespace("<p><a>x</a> <a>y</a>\n  text</p>")).toBe("<p><a>x</a> <a>y</a>\n  text</p>");
  });

  it("keeps <pre>, <textarea>, <script> and <style> exactly as written", () => {
    const kept = '<pre><code><span class="line">\n    x</span>\n  <span>y</span></code></pre>';
    const script = '<script type="application/json">{\n  "a": ">\n  <"\n}</script>';
    expect(collapseWhitespace(`<div>\n  ${kept}\n  ${script}\n</div>`)).toBe(`<div>\n${kept}\n${script}\n</div>`);
  });
});
