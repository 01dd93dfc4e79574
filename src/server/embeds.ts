import type { Lang } from "../i18n/ui.ts";

/** The widgets of a replay cell, as ReplayCell.astro names them. */
export type ReplayWidget = "heap" | "goroutines" | "log" | "statuses" | "code";

/** The widgets a teacher can embed, each on its own page: /embed/<id>/ and /en/embed/<id>/. */
export type EmbedId = "heap" | "goroutines" | "log" | "statuses" | "replay";

/** What an embed page shows and how a host should frame it. */
export interface EmbedSpec {
  id: EmbedId;
  /** The replay cell's widgets on that page. */
  widgets: ReplayWidget[];
  /** The iframe's starting height in CSS pixels; auto-height corrects it where the host listens. */
  height: number;
  /** The article section the "read the article" link points at ("" for the top). */
  section: string;
  title: Record<Lang, string>;
}

/** Every embed, in the order the embed index lists them. */
export const EMBEDS: readonly EmbedSpec[] = [
  {
    id: "heap",
    widgets: ["heap"],
    height: 760,
    section: "leak",
    title: { zh: "存活堆：泄漏与修复", en: "The live heap: a leak and its fix" },
  },
  {
    id: "goroutines",
    widgets: ["goroutines"],
    height: 680,
    section: "schedtrace",
    title: { zh: "goroutine 的泳道", en: "Goroutine lanes" },
  },
  {
    id: "log",
    widgets: ["log"],
    height: 480,
    section: "gctrace",
    title: { zh: "运行时日志：gctrace 与 schedtrace", en: "The runtime log: gctrace and schedtrace" },
  },
  {
    id: "statuses",
    widgets: ["statuses"],
    height: 720,
    section: "statuses",
    title: { zh: "goroutine 的状态", en: "Goroutine statuses" },
  },
  {
    id: "replay",
    widgets: ["heap", "goroutines", "log", "statuses", "code"],
    height: 2160,
    section: "leak",
    title: { zh: "回放：一次 goroutine 泄漏的运行记录", en: "Replay: a goroutine leak, as the runtime recorded it" },
  },
];

/** Looks an embed up by id; throws on an unknown one (a typo in a page should fail the build). */
export function embedSpec(id: EmbedId): EmbedSpec {
  const spec = EMBEDS.find((e) => e.id === id);
  if (!spec) throw new Error(`unknown embed "${id}"`);
  return spec;
}

/** The embed that shows exactly these widgets: a single widget's own page, else the whole cell. */
export function embedFor(widgets: readonly ReplayWidget[]): EmbedId {
  const [only] = widgets;
  const single = EMBEDS.find((e) => widgets.length === 1 && e.widgets.length === 1 && e.widgets[0] === only);
  return single?.id ?? "replay";
}

/** Root-absolute path of an embed page, e.g. `/en/embed/heap/` (the portable build relativises it). */
export function embedPath(lang: Lang, id: EmbedId): string {
  return `${lang === "zh" ? "/" : `/${lang}/`}embed/${id}/`;
}

/** Strings of the embed pages and the Embed control, per language. */
export const EMBED_UI = {
  zh: {
    siteName: "永远阻塞",
    embed: "嵌入",
    embedTitle: (title: string) => `嵌入“${title}”`,
    pasteHere: "把这段代码粘贴到课程页面或学习平台（Moodle、Canvas 等）的 HTML 里：",
    copy: "复制代码",
    copied: "已复制",
    open: "打开嵌入页",
    credit: "出自《永远阻塞》：一个 goroutine 泄漏的可交互笔记",
    indexTitle: "嵌入一个图表",
    indexLede:
      "文中的每个回放图表都有一个单独的页面，可以用 iframe 放进课程页面或学习平台。没有 JavaScript 时，嵌入页显示一张静态图。",
  },
  en: {
    siteName: "Blocked Forever",
    embed: "Embed",
    embedTitle: (title: string) => `Embed “${title}”`,
    pasteHere: "Paste this into the HTML of a course page or a learning platform (Moodle, Canvas, …):",
    copy: "Copy code",
    copied: "Copied",
    open: "Open the embed page",
    credit: "From “Blocked Forever”, an explorable note on goroutine leaks",
    indexTitle: "Embed a widget",
    indexLede:
      "Each replay widget of the article has a page of its own that a course page or learning platform can show in an iframe. Without JavaScript an embed shows a static picture.",
  },
} as const;
