import { rewritePages } from "./dist-files.ts";

/**
 * What the tokenizer steps over: a comment, an element whose content is raw text (script, style,
 * textarea, title: its text is not markup and stays byte for byte), an end tag, or a start tag with
 * its attributes (a quoted value may hold ">"). Anything else is text.
 */
const TOKEN =
  /<!--[\s\S]*?-->|<(script|style|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1>|<\/([a-zA-Z][\w-]*)\s*>|<[a-zA-Z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;

/** One attribute in a start tag: its name and its value, in double quotes. */
const QUOTED = /(\s[^\s"'>/=]+)="([^"]*)"/g;

/** A value HTML reads the same without its quotes: not empty, no space, no quote, =, <, > or `. */
const BARE = /^[^\s"'=<>`]+$/;

/**
 * End tags HTML lets a page leave out, and what may follow each for that (the next sibling's start
 * tag or the parent's end tag): the parser closes the element there by itself (HTML's "optional
 * tags"). Only these, in tables and lists, where a page has hundreds.
 */
const OPTIONAL_END: Record<string, RegExp> = {
  td: /^\s*<(?:td|th)\b|^\s*<\/tr>/,
  th: /^\s*<(?:td|th)\b|^\s*<\/tr>/,
  tr: /^\s*<tr\b|^\s*<\/(?:tbody|thead|tfoot|table)>/,
  li: /^\s*<li\b|^\s*<\/(?:ol|ul)>/,
};

/** A start tag without the quotes its values do not need; a value before "/>" keeps them ("a=b/>" would read b/). */
function unquote(tag: string): string {
  const selfClosing = tag.endsWith("/>");
  return tag.replace(QUOTED, (whole: string, name: string, value: string, at: number) => {
    if (!BARE.test(value)) return whole;
    const rest = tag.slice(at + whole.length);
    if (selfClosing && /^\s*\/>$/.test(rest)) return whole;
    return `${name}=${value}`;
  });
}

/**
 * Writes a page with less markup that the HTML parser reads into the same document: attribute
 * values without the quotes they do not need, and the end tags of table cells and rows and of list
 * items where the next sibling or the parent's end closes them anyway (with the whitespace after
 * them, which the parser would otherwise put into the element: the document then differs from the
 * unminified one only by whitespace-only text between rows, cells and items, which is not drawn). Raw-text elements (script,
 * style, textarea, title) and comments are left as they are; text is never touched. On the article
 * this is about 15 KB of what a host that does not compress sends before the first paint.
 * Nothing in the build reads a page after this step (it runs last); html-validate's style rules
 * for authored markup (attr-quotes, no-implicit-close) are off for the built pages for it.
 *
 * Why not html-minifier-terser (removeAttributeQuotes, removeOptionalTags), which does this: on
 * the English article it left 235,753 characters where this leaves 233,439 (it keeps an end tag
 * that whitespace follows, 331 </td>, 32 </tr> and 41 </li> there, where this drops the whitespace
 * with it), it parses and re-serializes the whole page, and it brings terser and clean-css for
 * options the site does not use. The two rules here are HTML's own ("optional tags", unquoted attribute values), kept to
 * tables and lists, and the unit tests parse the output against the input.
 */
export function minifyMarkup(html: string): string {
  let out = "";
  let at = 0;
  for (const m of html.matchAll(TOKEN)) {
    const token = m[0];
    const end = m.index + token.length;
    out += html.slice(at, m.index);
    at = end;
    if (token.startsWith("<!") || m[1] !== undefined) {
      out += token;
    } else if (m[2] !== undefined) {
      const next = OPTIONAL_END[m[2].toLowerCase()];
      if (next?.test(html.slice(end, end + 16))) {
        // The whitespace up to what closes it goes too: kept, it would become the element's own
        // text. Between rows, cells or list items it is never drawn.
        at = end + (/^\s*/.exec(html.slice(end, end + 16))?.[0].length ?? 0);
        continue;
      }
      out += token;
    } else {
      out += unquote(token);
    }
  }
  return out + html.slice(at);
}

/** Minifies the markup of every page of the built site (minifyMarkup); returns the bytes saved. */
export async function minifyMarkupInPages(distDir: string): Promise<number> {
  return (await rewritePages(distDir, minifyMarkup)).saved;
}
