import { defineConfig } from "astro/config";
import { portableBuild } from "./build/portable-build.ts";
import { siteUrlNotice } from "./build/site-url.ts";

// The site is static and must work from any subfolder and from file:// (docs/architecture.md,
// "file:// and the portable build"). Astro's defaults stay; the portableBuild integration
// rewrites the output afterwards.
export default defineConfig({
  // Where the site is published (SITE_URL), for what needs an absolute URL: hreflang alternates and
  // oEmbed. Without it the build leaves those out (and says so) rather than name a made-up host.
  // (An empty SITE_URL counts as none.)
  ...(process.env["SITE_URL"] ? { site: process.env["SITE_URL"] } : {}),
  trailingSlash: "always",
  // The reproducibility check builds a second copy elsewhere and compares the two byte for byte.
  outDir: process.env["BF_OUT_DIR"] ?? "./dist",
  i18n: {
    locales: ["zh", "en"],
    defaultLocale: "zh",
    routing: { prefixDefaultLocale: false },
  },
  build: {
    format: "directory",
    // A lazily loaded chunk's own CSS file would be requested by URL; inline every stylesheet.
    inlineStylesheets: "always",
  },
  devToolbar: { enabled: false },
  // Keep the whitespace between inline elements and text as written (prettier wraps prose lines).
  compressHTML: false,
  integrations: [portableBuild(), siteUrlNotice()],
  vite: {
    build: {
      modulePreload: false,
      assetsInlineLimit: 0,
    },
  },
});
