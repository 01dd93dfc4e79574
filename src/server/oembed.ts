import { STRINGS, pagePath, type Lang } from "../i18n/lang.ts";
import { iframeSnippet } from "../lib/embed/iframe-snippet.ts";
import { embedPath, embedSpec, type EmbedId } from "./embeds.ts";

/** Width the oEmbed answer states; the iframe itself is `width="100%"`. */
const OEMBED_WIDTH = 720;

/**
 * The oEmbed "rich" answer for an embed (https://oembed.com/, section 2.3.4), with absolute URLs
 * on the public site (Astro's `site`). Served as a static JSON file beside the embed page.
 */
export function oembedResponse(lang: Lang, id: EmbedId, site: URL): Record<string, string | number> {
  const spec = embedSpec(id);
  const title = STRINGS[lang].embed.titles[id];
  const src = new URL(embedPath(lang, id).slice(1), site).href;
  return {
    version: "1.0",
    type: "rich",
    title,
    provider_name: STRINGS[lang].chrome.siteName,
    provider_url: new URL(pagePath(lang).slice(1), site).href,
    html: iframeSnippet(src, title, spec.height),
    width: OEMBED_WIDTH,
    height: spec.height,
  };
}
