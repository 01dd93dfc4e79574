// Build time only: bundles the lab's page script and its worker with esbuild into classic (IIFE)
// scripts, which work from file:// as they are (module scripts do not). The page script is written
// as its own file, lab/app.<hash>.js (src/pages/lab/[file].ts), so both language pages and later visits share one
// cached copy; the worker, small, travels inside the page as text and starts from a Blob URL,
// since Chromium refuses a worker file over file://.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { classicScript } from "./classic-script.ts";

/** The lab's two bundles, minified. */
export interface LabBundle {
  /** The page script (lab-app.ts, with Plot; the charts' dynamic import is inlined). */
  app: string;
  /** The page script's file name under lab/, named by its content. */
  appFile: string;
  /** The worker (lab-worker.ts), started from a Blob URL; safe to put inside a <script>. */
  worker: string;
}

function bundle(entry: string): Promise<string> {
  return classicScript({ entryPoints: [resolve(entry)], charset: "utf8" });
}

let cached: Promise<LabBundle> | null = null;

/** Bundles once per build (both language pages share it). */
export function labBundle(): Promise<LabBundle> {
  cached ??= Promise.all([bundle("src/client/lab/lab-app.ts"), bundle("src/client/lab/lab-worker.ts")]).then(
    ([app, worker]) => ({
      app,
      appFile: `app.${createHash("sha256").update(app).digest("hex").slice(0, 10)}.js`,
      // An inline script ends at the first "</script" whatever the JavaScript around it; "<\/"
      // means the same inside the strings and regular expressions where it can occur.
      worker: worker.replaceAll("</script", "<\\/script"),
    }),
  );
  return cached;
}
