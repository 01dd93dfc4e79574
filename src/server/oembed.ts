import { STRINGS, pagePath, type Lang } from "../i18n/lang.ts";
import { iframeSnippet } from "../lib/embed/iframe-snippet.ts";
import { EMBEDS, embedPath, embedSpec, type EmbedId } from "./embeds.ts";

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

/**
 * The oembed.json routes' paths: one per embed, and none in a build that does not know its public
 * address (SITE_URL), since an oEmbed answer is all absolute URLs.
 */
export function oembedPaths(): { params: { widget: EmbedId } }[] {
  return builtSite() ? EMBEDS.map((e) => ({ params: { widget: e.id } })) : [];
}

/**
 * The site's public address as Astro gives it to the build (`site`, from SITE_URL), or undefined.
 * Typed here rather than through Astro's generated env types, which a fresh clone has only after
 * `astro sync` (lint runs before it).
 */
function builtSite(): string | undefined {
  return (import.meta as ImportMeta & { env: { SITE?: string } }).env.SITE;
}

/** The static oembed.json file of one embed page. */
export function oembedFile(lang: Lang, widget: string | undefined, site: URL | undefined): Response {
  const spec = EMBEDS.find((e) => e.id === widget);
  if (!site || !spec) return new Response(null, { status: 404 });
  const body = `${JSON.stringify(oembedResponse(lang, spec.id, site), null, 2)}\n`;
  return new Response(body, { headers: { "content-type": "application/json+oembed" } });
}
