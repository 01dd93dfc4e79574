import { defineConfig } from "astro/config";
import { portableBuild } from "./build/portable-build.ts";

// The site is static and must work from any subfolder and from file:// (docs/architecture.md,
// "file:// and the portable build"). Astro's defaults stay; the portableBuild integration
// rewrites the output afterwards.
export default defineConfig({
  // Where the site is published; only used for absolute metadata (hreflang alternates, oEmbed).
  site: process.env["SITE_URL"] ?? "https://blocked-forever.example/",
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
  integrations: [portableBuild()],
  vite: {
    build: {
      modulePreload: false,
    },
  },
});
