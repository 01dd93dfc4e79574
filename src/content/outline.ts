import type { Strings } from "../i18n/en.ts";

/**
 * One part of the chapter. Its id is its heading's anchor in both languages (so a #hash survives
 * the language switch), its title's key in the string tables (`article.sections`), and the name of
 * its text in each language: src/content/article/zh/<id>.astro and src/content/article/en/<id>.astro.
 */
export type SectionId = keyof Strings["article"]["sections"];

/** The chapter's parts, in reading order; the methods part (how the recordings were made) comes last. */
export const SECTIONS: readonly SectionId[] = [
  "leak",
  "gctrace",
  "schedtrace",
  "statuses",
  "fix",
  "tick",
  "finding-leaks",
  "live",
  "methods",
];
