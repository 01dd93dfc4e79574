// Build-time only: syntax highlighting with shiki, in a light and a dark theme at once, so the
// reader's theme switch needs no script (CSS picks --shiki-dark in dark mode).
import { createHighlighter, type Highlighter, type ShikiTransformer } from "shiki";
import { CODE_BASE, CODE_DARK, CODE_LIGHT, CODE_PALETTE } from "./code-themes.ts";

/** What to mark on which line (1-based line numbers of the code given). */
export interface LineMarks {
  /** A class per line, e.g. "blocks" for the line where goroutines wait, "add"/"del" in a diff. */
  classes?: ReadonlyMap<number, string>;
  /** A text for screen readers and hover, per line (why it is marked). */
  labels?: ReadonlyMap<number, string>;
  /**
   * Text put before a line's code, as real text in its own `<i>`, the line's first child (a diff's
   * `+`, `-` or space): read aloud and copied with the line, unlike a CSS marker. An `<i>`, which
   * no token uses (they are `<t-N>`), and no class: 24 bytes less on each of a page's 330 diff lines.
   */
  prefixes?: ReadonlyMap<number, string>;
}

let highlighter: Promise<Highlighter> | undefined;

type HastElement = Parameters<NonNullable<ShikiTransformer["pre"]>>[0];

const PAIR = /^--shiki-light:(#[0-9a-f]{3,8});--shiki-dark:(#[0-9a-f]{3,8})$/i;
const BASE = /;?--shiki-light:(#\w+);--shiki-dark:(#\w+)/i;

/**
 * shiki writes both themes' colours on every token (`style="--shiki-light:…;--shiki-dark:…"`,
 * 50 bytes a token, most of a listing's weight). The themes have a dozen colour pairs, the same
 * for every listing (CODE_PALETTE), so each token becomes an element named for its pair's place
 * there (`<t-0>`, …) that cells.css colours, and the `<pre>` drops the themes' text colour, which
 * cells.css gives every listing: an autonomous custom element, which needs no definition, means
 * no more than a span and takes 11 bytes a token where `<span class=t0></span>` takes 22 (seven
 * hundred tokens a page). Tokens in the listing's own colour lose their element, and neighbours of
 * one colour become one. What the reader sees and copies is the same.
 */
function compactColours(): ShikiTransformer {
  return {
    name: "blocked-forever:compact-colours",
    pre(pre) {
      // The themes' backgrounds (--shiki-light-bg, --shiki-dark-bg): the page's CSS gives listings
      // their own background, so nothing reads them.
      let style = (typeof pre.properties.style === "string" ? pre.properties.style : "").replace(
        /;?--shiki-(?:light|dark)-bg:[^;]*/g,
        "",
      );
      const base = BASE.exec(style);
      const baseKey = base ? `${base[1] ?? ""};${base[2] ?? ""}`.toLowerCase() : "";
      if (baseKey === CODE_BASE) style = style.replace(BASE, "");
      const tagOf = (span: HastElement): string | null | undefined => {
        // undefined: keep the span as it is; null: the listing's own colour, no span needed.
        const m = typeof span.properties.style === "string" ? PAIR.exec(span.properties.style) : null;
        if (!m || span.properties["class"] !== undefined) return undefined;
        const key = `${m[1] ?? ""};${m[2] ?? ""}`.toLowerCase();
        if (key === baseKey) return null;
        const index = CODE_PALETTE.indexOf(key as (typeof CODE_PALETTE)[number]);
        return index === -1 ? undefined : `t-${String(index)}`;
      };
      const compactLine = (line: HastElement): void => {
        const out: HastElement["children"] = [];
        for (const child of line.children) {
          if (child.type !== "element" || child.tagName !== "span") {
            out.push(child);
            continue;
          }
          const tag = tagOf(child);
          if (tag === undefined) {
            out.push(child);
          } else if (tag === null) {
            out.push(...child.children);
          } else {
            const prev = out.at(-1);
            if (prev?.type === "element" && prev.tagName === tag) {
              prev.children.push(...child.children);
            } else {
              child.tagName = tag;
              child.properties = {};
              out.push(child);
            }
          }
        }
        line.children = out;
      };
      const code = pre.children.find((c): c is HastElement => c.type === "element" && c.tagName === "code");
      for (const line of code?.children ?? []) if (line.type === "element") compactLine(line);
      if (style === "") delete pre.properties.style;
      else pre.properties.style = style;
      // shiki names its themes on the <pre> ("shiki-themes bf-light bf-dark"); no style reads them.
      pre.properties["class"] = "shiki";
    },
  };
}

/**
 * Writes the listing's line count on its <pre> (`--lines`), so that cells.css can give a listing
 * the page has not laid out yet (content-visibility) the height it will have: lines times the
 * line height, at every width (listings scroll sideways, they never wrap).
 */
function lineCount(): ShikiTransformer {
  return {
    name: "blocked-forever:line-count",
    pre(pre) {
      const code = pre.children.find((c): c is HastElement => c.type === "element" && c.tagName === "code");
      const lines = (code?.children ?? []).filter((c) => c.type === "element").length;
      const style = typeof pre.properties.style === "string" ? `${pre.properties.style};` : "";
      pre.properties.style = `${style}--lines:${String(lines)}`;
    },
  };
}

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [CODE_LIGHT, CODE_DARK], langs: ["go", "shellscript"] });
  return highlighter;
}

function marksTransformer(marks: LineMarks): ShikiTransformer {
  return {
    name: "blocked-forever:line-marks",
    line(node, line) {
      // A line is its <code>'s child span (CSS: `code > span`); shiki's class "line" on each of
      // them, hundreds a page, says nothing more. What the line is marked with stays.
      const own = node.properties["class"];
      const kept = (Array.isArray(own) ? own.map(String) : String(own ?? "").split(" ")).filter(
        (c) => c !== "" && c !== "line",
      );
      if (kept.length > 0) node.properties["class"] = kept.join(" ");
      else delete node.properties["class"];
      const cls = marks.classes?.get(line);
      if (cls) this.addClassToHast(node, cls);
      const label = marks.labels?.get(line);
      if (label) node.properties["data-mark"] = label;
      const prefix = marks.prefixes?.get(line);
      if (prefix !== undefined) {
        node.children.unshift({
          type: "element",
          tagName: "i",
          properties: {},
          children: [{ type: "text", value: prefix }],
        });
      }
    },
    pre(node) {
      // The block scrolls sideways on a phone; it must be reachable by keyboard (axe: scrollable-region-focusable).
      node.properties["tabindex"] = "0";
    },
  };
}

/** Highlights code as HTML (`<pre class="shiki">` with one `<span>` a line, a child of its `<code>`). */
export async function highlight(code: string, lang: "go" | "shellscript", marks: LineMarks = {}): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code.replace(/\n$/, ""), {
    lang,
    themes: { light: "bf-light", dark: "bf-dark" },
    defaultColor: false,
    transformers: [marksTransformer(marks), compactColours(), lineCount()],
  });
}
