// Build time only: the one esbuild setup of the site. Every script we ship ourselves is a classic
// (IIFE) script, since Chromium refuses module scripts over file:// (docs/architecture.md, "The
// portable build"): the lab's page script and worker (lab-bundle.ts) and the module scripts Astro
// wrote, rebundled after the build (make-portable.ts).
import { build, type BuildOptions } from "esbuild";

/** What every classic bundle shares: one minified ES2022 IIFE, kept in memory, no legal comments. */
const CLASSIC: BuildOptions = {
  bundle: true,
  format: "iife",
  minify: true,
  write: false,
  target: "es2022",
  legalComments: "none",
};

/**
 * Bundles an entry (`entryPoints` or `stdin`) as a classic script and returns its text. `options`
 * adds to the shared setup (plugins, a global name, the charset, log overrides).
 */
export async function classicScript(options: BuildOptions): Promise<string> {
  const result = await build({ ...CLASSIC, ...options, write: false });
  return result.outputFiles[0]?.text ?? "";
}
