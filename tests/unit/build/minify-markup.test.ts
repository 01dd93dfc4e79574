import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { minifyMarkup } from "../../../build/minify-markup.ts";

/** A document as a parser reads it: elements, attributes and text, without whitespace-only text. */
function tree(html: string): string {
  const { document } = parseHTML(html);
  const walk = (node: Node): string => {
    if (node.nodeType === 3) return (node.textContent ?? "").trim() === "" ? "" : JSON.stringify(node.textContent);
    if (node.nodeType !== 1) return "";
    const element = node as Element;
    const attrs = [...element.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(" ");
    return `<${element.localName} ${attrs}>${[...element.childNodes].map(walk).join("")}</${element.localName}>`;
  };
  return walk(document.documentElement);
}

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

  it("gives a parser the same document as the page it was given, but for whitespace between rows, cells and items", () => {
    // The article's shapes: a status table, a list of links, an SVG chart, a listing, a form control.
    const page = [
      '<!DOCTYPE html><html lang="en"><head><title>Page</title><style>td{color:red}</style></head><body>',
      '<table class="status-table"><thead><tr><th scope="col">status</th><th scope="col">meaning</th></tr></thead>',
      '<tbody><tr data-status="4"><td class="count-user">5</td>\n<td class="count-all" title="all of them">12</td></tr>',
      '<tr data-status="6"><td class="count-user">–</td><td><code>_Gdead</code></td></tr></tbody></table>',
      '<ul class="toc"><li><a href="#part-1">One</a></li>\n<li><a href="?variant=leak&amp;t=2.5">Two</a><ol><li>x</li></ol></li></ul>',
      '<svg viewBox="0 0 360 240" class="bf-plot"><path d="M0,0L10,10" fill="none"/><text x="5" dy="0.32em">0</text></svg>',
      '<pre class="shiki" tabindex="0"><code><span class="add"><i>+</i><span class="t1">func</span></span></code></pre>',
      '<input type="range" min="0" max="6.29" step="0.01" value="0" aria-valuetext="0.00 s">',
      "</body></html>",
    ].join("");
    const minified = minifyMarkup(page);
    expect(minified.length).toBeLessThan(page.length - 100);
    expect(tree(minified)).toBe(tree(page));
  });
});
