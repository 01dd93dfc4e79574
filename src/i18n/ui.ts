/** The two languages of the site. Chinese is the default and lives at the root. */
export type Lang = "zh" | "en";

/** All languages, default first. */
export const LANGS: readonly Lang[] = ["zh", "en"];

/** The value of `<html lang>` for each language. */
export const HTML_LANG: Record<Lang, string> = { zh: "zh-Hans", en: "en" };

/** Interface strings, per language. The article's prose lives in src/content. */
export const UI = {
  zh: {
    siteName: "永远阻塞",
    siteTagline: "一个 goroutine 泄漏的可交互笔记",
    skipToContent: "跳到正文",
    languageName: "中文",
    switchLanguage: "English",
    switchLanguageLabel: "Read this page in English",
    themeDark: "深色",
    themeToggleLabel: "深色模式",
    navArticle: "文章",
    navLab: "实验室",
    navLabLabel: "实验室：分析你自己的 gctrace 和 schedtrace 日志",
    footer: "文中所有数字与曲线都来自我们的 Go 程序在真实运行时中的记录。",
    toc: "目录",
  },
  en: {
    siteName: "Blocked Forever",
    siteTagline: "An explorable note on goroutine leaks",
    skipToContent: "Skip to content",
    languageName: "English",
    switchLanguage: "中文",
    switchLanguageLabel: "阅读中文版",
    themeDark: "Dark",
    themeToggleLabel: "Dark mode",
    navArticle: "Article",
    navLab: "Lab",
    navLabLabel: "Lab: explore your own gctrace and schedtrace logs",
    footer: "Every number and curve here comes from recordings of our own Go programs on a real runtime.",
    toc: "Contents",
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** The strings of one language. */
export type UiStrings = (typeof UI)[Lang];

/**
 * The root-absolute path of a page in a language: `pagePath("en", "lab/")` is `/en/lab/`.
 * The portable build later turns these into relative links.
 */
export function pagePath(lang: Lang, page = ""): string {
  return lang === "zh" ? `/${page}` : `/${lang}/${page}`;
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === "zh" ? "en" : "zh";
}

/** Joins words as a sentence lists them: "a, b and c" / "a、b 和 c". Missing values print as "–". */
export function joinList(lang: Lang, items: readonly (string | number | null | undefined)[]): string {
  const s = items.map((x) => String(x ?? "–"));
  const [sep, and] = lang === "zh" ? ["、", " 和 "] : [", ", " and "];
  return s.length > 1 ? `${s.slice(0, -1).join(sep)}${and}${s.at(-1) ?? ""}` : (s[0] ?? "");
}

const EN_COUNTS = [
  "no",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
// 两, not 二, before a measure word: 两个, 两次.
const ZH_COUNTS = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/**
 * A count as prose writes it: a word up to twelve ("five", 五), digits beyond. The article's counts
 * come from the recordings, so the words follow the data if a program changes.
 */
export function countWord(lang: Lang, n: number): string {
  const words = lang === "zh" ? ZH_COUNTS : EN_COUNTS;
  if (Number.isInteger(n) && n >= 0 && n < words.length) return words[n] ?? String(n);
  // Digits between Chinese characters get a space on each side, as elsewhere on the page.
  return lang === "zh" ? ` ${String(n)} ` : String(n);
}

/**
 * {@link countWord} for a count the prose puts before a plural noun ("five buffers", "six times").
 * The sentences are written for two or more: a recording with fewer (or none) stops the build
 * rather than print "one buffers".
 */
export function many(lang: Lang, n: number): string {
  if (!Number.isInteger(n) || n < 2) {
    throw new Error(`the article's prose needs a count of two or more here, and the recording gives ${String(n)}`);
  }
  return countWord(lang, n);
}
