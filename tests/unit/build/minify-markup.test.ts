import { describe, expect, it } from "vitest";
import { minifyMarkup } from "../../../build/minify-markup.ts";

describe("minifyMarkup (build/minify-markup.ts)", () => {
  it("drops the quotes of values that need none, and keeps them where a value would read differently", () => {
    expect(minifyMarkup('<p class="lede" id="a-1" title="two words" data-x="">x="y"</p>')).toBe(
      '<p class=lede id=a-1 title="two words" data-x="">x="y"</p>',
    );
    // Before "/>" the slash would join the value; =, <, >, ` and quotes need the quotes.
    expect(minifyMarkup('<path d="M0,0" fill="none"/><a href="?a=b" title="a>b" data-q="it\'s">')).toBe(
      '<path d=M0,0 fill="none"/><a href="?a=b" title="a>b" data-q="it\'s">',
    );
  });

  it("leaves out the end tags the next cell, row or item closes, with the whitespace before it", () => {
    expect(minifyMarkup("<table><tr><th>a</th>\n<td> b </td></tr>\n<tr><td>c</td></tr>\n</table>")).toBe(
      "<table><tr><th>a<td> b <tr><td>c</table>",
    );
    expect(minifyMarkup("<ol><li>a</li>\n<li><p>b</p></li></ol><li>c</li>\n<p>")).toBe(
      "<ol><li>a<li><p>b</p></ol><li>c</li>\n<p>",
    );
  });

  it("leaves comments and script, style, textarea and title elements (their start tags too) exactly as written", () => {
    const raw = [
      '<!-- <td class="x"></td> -->',
      '<script type="application/json">{"a": "<b class=\\"c\\"></b></li>"}</script>',
      '<style>a[href="x"]{}</style>',
      '<textarea class="snippet">&lt;iframe src="a"></textarea>',
    ].join("\n");
    expect(minifyMarkup(raw)).toBe(raw);
  });
});
