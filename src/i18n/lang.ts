import { en, type Strings } from "./en.ts";
import { zh } from "./zh.ts";

/** The two languages of the site. Chinese is the default and lives at the root. */
export type Lang = "zh" | "en";

/** All languages, default first. */
export const LANGS: readonly Lang[] = ["zh", "en"];

/** The value of `<html lang>` for each language. */
export const HTML_LANG: Record<Lang, string> = { zh: "zh-Hans", en: "en" };

/** Each language's string table (en.ts, zh.ts). Build time: the browser gets its part as JSON. */
export const STRINGS: Record<Lang, Strings> = { zh, en };

/** Where each language's pages live, from the site root. */
const PREFIX: Record<Lang, string> = { zh: "/", en: "/en/" };

/** The other language, for the language switch. */
const OTHER: Record<Lang, Lang> = { zh: "en", en: "zh" };

/**
 * The root-absolute path of a page in a language: `pagePath("en", "lab/")` is `/en/lab/`.
 * The portable build later turns these into relative links.
 */
export function pagePath(lang: Lang, page = ""): string {
  return `${PREFIX[lang]}${page}`;
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return OTHER[lang];
}
