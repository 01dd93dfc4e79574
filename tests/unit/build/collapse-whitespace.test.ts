import { describe, expect, it } from "vitest";
import { collapseWhitespace } from "../../../build/collapse-whitespace.ts";

describe("collapseWhitespace (build/collapse-whitespace.ts)", () => {
  it("turns indentation between tags into one newline", () => {
    expect(collapseWhitespace("<ul>\n    <li>a <b>b</b> c</li>\n\n    <li>d</li>\n  </ul>")).toBe(
      "<ul>\n<li>a <b>b</b> c</li>\n<li>d</li>\n</ul>",
    );
  });

  it("turns a run of whitespace with a newline in text into that newline, and keeps the spaces on one line", () => {
    // A space between two inline elements on one line is the text's own: kept; so is a no-break space.
    expect(collapseWhitespace("<p><a>x</a> <a>y</a> \n    text\u00a0\n  more  words\n</p>")).toBe(
      "<p><a>x</a> <a>y</a>\ntext\u00a0\nmore  words\n</p>",
    );
  });

  it("leaves attribute values alone, even with a > or a newline in them", () => {
    const tag = "<p title=\"a > b\n    c\" data-x='1\n  2'>";
    expect(collapseWhitespace(`${tag}\n    one\n    two</p>`)).toBe(`${tag}\none\ntwo</p>`);
  });

  it("keeps the text inside SVG as written, dropping only the indentation between its tags", () => {
    const svg = "<svg>\n  <text>a\n   b</text>\n</svg>";
    expect(collapseWhitespace(`<div>\n  ${svg}\n  x\n  y</div>`)).toBe(
      "<div>\n<svg>\n<text>a\n   b</text>\n</svg>\nx\ny</div>",
    );
  });

  it("keeps <pre>, <textarea>, <script> and <style> exactly as written", () => {
    const kept = '<pre><code><span class="line">\n    x</span>\n  <span>y</span></code></pre>';
    const script = '<script type="application/json">{\n  "a": ">\n  <"\n}</script>';
    expect(collapseWhitespace(`<div>\n  ${kept}\n  ${script}\n</div>`)).toBe(`<div>\n${kept}\n${script}\n</div>`);
  });
});
