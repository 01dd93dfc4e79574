import type { Lang } from "../i18n/ui.ts";

/** One part of the chapter. Ids are shared by both languages, so a #hash survives the switch. */
export interface Section {
  id: string;
  title: Record<Lang, string>;
}

/** The chapter's seven parts, in reading order. */
export const SECTIONS: readonly Section[] = [
  { id: "leak", title: { zh: "永远阻塞的 goroutine", en: "A goroutine blocked forever" } },
  { id: "gctrace", title: { zh: "用 gctrace 看堆", en: "Watching the heap with gctrace" } },
  { id: "schedtrace", title: { zh: "用 schedtrace 看 goroutine", en: "Watching the goroutines with schedtrace" } },
  { id: "statuses", title: { zh: "G 的状态常量", en: "The G status constants" } },
  { id: "fix", title: { zh: "修复：让阻塞有尽头", en: "The fix: give every wait an end" } },
  { id: "tick", title: { zh: "time.Tick 的旧陷阱", en: "The old time.Tick trap" } },
  { id: "finding-leaks", title: { zh: "在真实程序里找泄漏", en: "Finding leaks for real" } },
];

/** The article's title and lede, per language. */
export const ARTICLE = {
  zh: {
    title: "永远阻塞：goroutine 泄漏",
    lede: "一个在通道上永远等待的 goroutine 不会结束，它持有的内存也永远不会被回收。下面用真实运行时的记录来看这件事。",
  },
  en: {
    title: "Blocked forever: goroutine leaks",
    lede: "A goroutine that waits forever on a channel never ends, and nothing it holds can ever be collected. Here is what a real Go runtime recorded while that happened.",
  },
} as const satisfies Record<Lang, { title: string; lede: string }>;
