// Build time only: bundles the lab's page script and its worker with esbuild into classic (IIFE)
// scripts that the lab page carries inline. The page script is too big for Astro to inline, and a
// `<script type="module" src>` page script does not survive build/make-portable.ts (its esbuild
// step resolves the absolute entry path under dist/ a second time), so the lab does not go through
// Vite for its script. Inline classic scripts also work from file:// as they are.
import { resolve } from "node:path";
import { build } from "esbuild";

/** The lab's two bundles, minified. */
export interface LabBundle {
  /** The page script (lab-app.ts, with Plot; the charts' dynamic import is inlined). */
  app: string;
  /** The worker (lab-worker.ts), started from a Blob URL. */
  worker: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: "iife",
    minify: true,
    write: false,
    target: "es2022",
    legalComments: "none",
    charset: "utf8",
  });
  // An inline script ends at the first "</script" whatever the JavaScript around it; "<\/" means
  // the same inside the strings and regular expressions where it can occur.
  return (result.outputFiles[0]?.text ?? "").replaceAll("</script", "<\\/script");
}

let cached: Promise<LabBundle> | null = null;

/** Bundles once per build (both language pages share it). */
export function labBundle(): Promise<LabBundle> {
  cached ??= Promise.all([bundle("src/components/Lab/lab-app.ts"), bundle("src/components/Lab/lab-worker.ts")]).then(
    ([app, worker]) => ({ app, worker }),
  );
  return cached;
}
