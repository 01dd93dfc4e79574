import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODE_BASE, CODE_PALETTE } from "../../../src/server/code-themes.ts";
import { highlight } from "../../../src/server/highlight.ts";

const css = readFileSync(new URL("../../../src/styles/cells.css", import.meta.url), "utf8");

/** The colour pair cells.css gives a selector's `color: light-dark(L, D)` (or its --shiki-* pair). */
function cssPair(selector: string): string | undefined {
  const body = new RegExp(`(?:^|\\n)${selector.replace(/[.*]/g, "\\$&")} \\{([^}]*)\\}`).exec(css)?.[1] ?? "";
  const m =
    /color: light-dark\((#\w+), (#\w+)\)/.exec(body) ?? /--shiki-light: (#\w+);\s*--shiki-dark: (#\w+);/.exec(body);
  return m ? `${m[1] ?? ""};${m[2] ?? ""}`.toLowerCase() : undefined;
}

describe("listings' colours (src/server/highlight.ts, cells.css)", () => {
  it("colours each token element from the one palette cells.css writes", () => {
    expect(CODE_PALETTE.length).toBeGreaterThan(5);
    CODE_PALETTE.forEach((pair, i) => {
      expect(cssPair(`pre.shiki t-${String(i)}`), `t-${String(i)}`).toBe(pair);
    });
    expect(cssPair(`pre.shiki t-${String(CODE_PALETTE.length)}`)).toBeUndefined();
    expect(cssPair("pre.shiki")).toBe(CODE_BASE);
  });

  it("writes no colours on the listing, and each token as its pair's element", async () => {
    const html = await highlight('package main\n\nfunc main() {\n\tprintln("leak", 42) // waits\n}', "go");
    expect(html).not.toMatch(/--shiki-|--l\d|--d\d/);
    expect(/^<pre [^>]*>/.exec(html)?.[0]).toMatch(/ style="--lines:5"[ >]/);
    // The keyword, the string, the number and the comment: each its own pair of the palette.
    const tokens = [...html.matchAll(/<t-(\d+)>([^<]*)<\/t-\1>/g)].map((m) => [m[2], Number(m[1])] as const);
    const pairOf = (text: string): string | undefined => {
      const index = tokens.find(([t]) => t === text)?.[1];
      return index === undefined ? undefined : CODE_PALETTE[index];
    };
    for (const text of ["package", '"leak"', "42", "// waits"]) expect(pairOf(text), text).toBeDefined();
    expect(new Set(["package", '"leak"', "42", "// waits"].map(pairOf)).size).toBe(4);
    // What the reader copies is the code itself.
    expect(html.replace(/<[^>]+>/g, "").replace(/&#x22;|&quot;/g, '"')).toBe(
      'package main\n\nfunc main() {\n\tprintln("leak", 42) // waits\n}',
    );
  });
});
