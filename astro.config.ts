import { defineConfig } from "astro/config";
import { portableBuild } from "./build/portable-build.ts";

// The site is static and must work from any subfolder and from file:// (design.md, "A portable
// build"). Astro's defaults stay; the portableBuild integration rewrites the output afterwards.
export default defineConfig({
  site: "https://blocked-forever.example/",
  trailingSlash: "always",
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
  integrations: [portableBuild()],
  vite: {
    build: {
      modulePreload: false,
    },
  },
});
