// Build time: the embed pages a teacher can put in an iframe, one per replay widget and one for
// the whole cell. Their titles are in the string tables (src/i18n, `embed.titles`).
import { pagePath, type Lang } from "../i18n/lang.ts";
import type { ReplayWidget } from "../lib/replay/widgets.ts";

/** The widgets a teacher can embed, each on its own page: /embed/<id>/ and /en/embed/<id>/. */
export type EmbedId = "heap" | "goroutines" | "mechanism" | "log" | "statuses" | "replay" | "live";

/** What an embed page shows and how a host should frame it. */
export interface EmbedSpec {
  id: EmbedId;
  /** The replay cell's widgets on that page (none for the live widget, which is no replay). */
  widgets: ReplayWidget[];
  /**
   * The snippet's height in CSS pixels: the page fits itself to any frame (embed-fit.css), and at
   * this height the widget shows whole, without scrolling, at every width from 320 px up (the
   * embed browser tests check 328, 608 and 1024). Auto-height changes it where the host listens.
   */
  height: number;
  /** The article section the "read the article" link points at ("" for the top). */
  section: string;
}

/** What a component about one embed (its page, its preview on the embed index) is given. */
export interface EmbedProps {
  lang: Lang;
  id: EmbedId;
}

/** Every embed, in the order the embed index lists them. */
export const EMBEDS: readonly EmbedSpec[] = [
  { id: "heap", widgets: ["heap"], height: 720, section: "leak" },
  { id: "goroutines", widgets: ["goroutines"], height: 700, section: "schedtrace" },
  { id: "mechanism", widgets: ["mechanism"], height: 760, section: "leak" },
  { id: "log", widgets: ["log"], height: 680, section: "gctrace" },
  { id: "statuses", widgets: ["statuses"], height: 760, section: "statuses" },
  // The whole cell does not fit any frame: the controls and the heap chart show, the rest
  // scrolls inside the frame.
  {
    id: "replay",
    widgets: ["heap", "goroutines", "mechanism", "statuses", "log", "code"],
    height: 900,
    section: "leak",
  },
  { id: "live", widgets: [], height: 1400, section: "live" },
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
  return pagePath(lang, `embed/${id}/`);
}
