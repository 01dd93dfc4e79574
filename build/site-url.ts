import type { AstroIntegration } from "astro";

/** What a build without SITE_URL leaves out, in the words of the build log (and of the zip's README). */
export const NO_SITE_URL =
  "hreflang alternates and oEmbed discovery (oembed.json) are left out, since both need the site's public address; embed snippets take the address of the copy being read, in the browser";

/**
 * Says in the build log whether the build knows its public address (Astro's `site`, from
 * SITE_URL). Without it the pages carry no absolute URL at all, so nothing points at a host that
 * is not the one serving them.
 */
export function siteUrlNotice(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: "blocked-forever:site-url",
    hooks: {
      "astro:config:done": ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      "astro:build:done": ({ logger }) => {
        if (site) logger.info(`site: ${site.href} (hreflang alternates and oEmbed discovery point there)`);
        else logger.warn(`no SITE_URL: ${NO_SITE_URL}`);
      },
    },
  };
}
