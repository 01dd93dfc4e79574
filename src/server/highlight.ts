// Build-time only: syntax highlighting with shiki, in a light and a dark theme at once, so the
// reader's theme switch needs no script (CSS picks --shiki-dark in dark mode).
import { createHighlighter, type Highlighter, type ShikiTransformer } from "shiki";
import { CODE_DARK, CODE_LIGHT } from "./code-themes.ts";

/** What to mark on which line (1-based line numbers of the code given). */
export interface LineMarks {
  /** A class per line, e.g. "blocks" for the line where goroutines wait, "add"/"del" in a diff. */
  classes?: ReadonlyMap<number, string>;
  /** A text for screen readers and hover, per line (why it is marked). */
  labels?: ReadonlyMap<number, string>;
  /**
   * Text put before a line's code, as real text in its own `<span class="line-sign">` (a diff's
   * `+`, `-` or space): read aloud and copied with the line, unlike a CSS marker.
   */
  prefixes?: ReadonlyMap<number, string>;
}

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [CODE_LIGHT, CODE_DARK], langs: ["go", "shellscript"] });
  return highlighter;
}

function marksTransformer(marks: LineMarks): ShikiTransformer {
  return {
    name: "blocked-forever:line-marks",
    line(node, line) {
      const cls = marks.classes?.get(line);
      if (cls) this.addClassToHast(node, cls);
      const label = marks.labels?.get(line);
      if (label) node.properties["data-mark"] = label;
      const prefix = marks.prefixes?.get(line);
      if (prefix !== undefined) {
        node.children.unshift({
          type: "element",
          tagName: "span",
          properties: { class: "line-sign" },
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

/** Highlights code as HTML (`<pre class="shiki">` with one `<span class="line">` a line). */
export async function highlight(code: string, lang: "go" | "shellscript", marks: LineMarks = {}): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code.replace(/\n$/, ""), {
    lang,
    themes: { light: "bf-light", dark: "bf-dark" },
    defaultColor: false,
    transformers: [marksTransformer(marks)],
  });
}
