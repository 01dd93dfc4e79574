import type { AstroIntegration } from "astro";
import { fileURLToPath } from "node:url";
import { collapseWhitespaceInPages } from "./collapse-whitespace.ts";
import { addContentSecurityPolicy } from "./csp.ts";
import { deferMarkup } from "./defer-markup.ts";
import { lateScriptsInPages } from "./late-scripts.ts";
import { makePortable } from "./make-portable.ts";
import { minifyMarkupInPages } from "./minify-markup.ts";

/**
 * An Astro integration that makes the built site work from any subfolder and from file://.
 * Astro writes root-absolute URLs and module scripts; Chromium refuses module scripts over
 * file://, so after the build every page is rewritten (see make-portable.ts). What no reader sees
 * before a widget's code runs moves out of the pages into scripts of their own (defer-markup.ts). Then every page gets
 * a Content-Security-Policy that allows only the site's own files and its inline scripts (csp.ts).
 */
export function portableBuild(): AstroIntegration {
  return {
    name: "blocked-forever:portable-build",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        // Astro sets modulePreload per client build environment; switch it off there too.
        updateConfig({ vite: { environments: { client: { build: { modulePreload: false } } } } });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const report = await makePortable(fileURLToPath(dir));
        logger.info(
          `portable: ${String(report.pages)} pages, ${String(report.scripts)} scripts bundled as classic, ${String(report.urls)} URLs made relative`,
        );
        const collapsed = await collapseWhitespaceInPages(fileURLToPath(dir));
        logger.info(`whitespace: ${String(Math.round(collapsed / 1024))} KB of indentation between tags dropped`);
        const deferred = await deferMarkup(fileURLToPath(dir));
        logger.info(
          `deferred: ${String(deferred.elements)} hidden elements of ${String(deferred.pages)} pages, ${String(Math.round(deferred.bytes / 1024))} KB, into deferred/`,
        );
        const late = await lateScriptsInPages(fileURLToPath(dir));
        logger.info(`scripts: ${String(late)} pages ask for theirs after the first paint`);
        const csp = await addContentSecurityPolicy(fileURLToPath(dir));
        logger.info(`csp: ${String(csp.pages)} pages, ${String(csp.inlineScripts)} inline script hashes`);
        for (const blocked of csp.blocked) logger.warn(`csp blocks an inline handler or URL: ${blocked}`);
        // Last: the steps above find tags and attributes by their quoted values.
        const minified = await minifyMarkupInPages(fileURLToPath(dir));
        logger.info(`markup: ${String(Math.round(minified / 1024))} KB of quotes and optional end tags dropped`);
      },
    },
  };
}
