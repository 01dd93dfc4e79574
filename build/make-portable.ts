import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { Plugin } from "esbuild";
import { classicScript } from "./classic-script.ts";
import { listFiles, listPages } from "./dist-files.ts";

/** What makePortable changed, for the build log. */
export interface PortableReport {
  pages: number;
  scripts: number;
  urls: number;
}

/**
 * Rewrites a built Astro site in place so that it works from any subfolder and from file://:
 * root-absolute URLs become relative, module scripts become deferred classic (IIFE) scripts,
 * modulepreload links go. docs/architecture.md ("file:// and the portable build") says why each step is needed.
 */
export async function makePortable(distDir: string): Promise<PortableReport> {
  const files = await listFiles(distDir);
  const report: PortableReport = { pages: 0, scripts: 0, urls: 0 };
  const bundled = new Map<string, string>();
  const lazy = new Map<string, { file: string; global: string }>();

  for (const file of files.filter((f) => f.endsWith(".css"))) {
    const css = await readFile(file, "utf8");
    const out = relativiseCss(css, distDir, dirname(file), report);
    if (out !== css) await writeFile(file, out);
  }

  for (const file of files.filter((f) => f.endsWith(".html"))) {
    let html = await readFile(file, "utf8");
    html = html.replace(/<link rel="modulepreload"[^>]*>/g, "");
    html = await replaceModuleScripts(html, distDir, bundled, report, lazy);
    html = relativiseHtml(html, distDir, dirname(file), report);
    await writeFile(file, html);
    report.pages += 1;
  }
  await removeUnreferencedModules(distDir, [...bundled.keys(), ...[...lazy.keys()].map((c) => `/${c}`)]);
  return report;
}

/**
 * Deletes the module scripts that were rebundled as classic scripts, when no page refers to them
 * any more: they would only weigh down the offline zip. Anything still referenced stays.
 */
async function removeUnreferencedModules(distDir: string, modules: readonly string[]): Promise<void> {
  if (modules.length === 0) return;
  const pages = await listPages(distDir);
  const texts = await Promise.all(pages.map((f) => readFile(f, "utf8")));
  for (const src of modules) {
    const name = src.split("/").at(-1) ?? src;
    if (!texts.some((t) => t.includes(name))) await rm(join(distDir, src), { force: true });
  }
}

/** Turns "/x/y" (relative to the site root) into a path relative to `fromDir`. */
export function relativeUrl(url: string, distDir: string, fromDir: string): string {
  const match = /^([^?#]*)(.*)$/.exec(url);
  const pathPart = match?.[1] ?? url;
  const rest = match?.[2] ?? "";
  const target = join(distDir, pathPart);
  let rel = relative(fromDir, target).split(sep).join("/");
  if (rel === "") rel = ".";
  if (pathPart.endsWith("/") && !rel.endsWith("/")) rel += "/";
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel + rest;
}

const ATTR_URL = /(\s(?:href|src|poster|action|data-src))=(["'])(\/(?!\/)[^"']*)\2/g;
const SRCSET = /(\ssrcset)=(["'])([^"']*)\2/g;
const CSS_URL = /url\((["']?)(\/(?!\/)[^)"']*)\1\)/g;

function relativiseHtml(html: string, distDir: string, fromDir: string, report: PortableReport): string {
  return relativiseCss(
    html
      .replace(ATTR_URL, (_m, attr: string, q: string, url: string) => {
        report.urls += 1;
        return `${attr}=${q}${relativeUrl(url, distDir, fromDir)}${q}`;
      })
      .replace(SRCSET, (_m, attr: string, q: string, value: string) => {
        const parts = value.split(",").map((part) => {
          const trimmed = part.trim();
          if (!trimmed.startsWith("/") || trimmed.startsWith("//")) return trimmed;
          const [url = "", ...descriptor] = trimmed.split(/\s+/);
          report.urls += 1;
          return [relativeUrl(url, distDir, fromDir), ...descriptor].join(" ");
        });
        return `${attr}=${q}${parts.join(", ")}${q}`;
      }),
    distDir,
    fromDir,
    report,
  );
}

function relativiseCss(css: string, distDir: string, fromDir: string, report: PortableReport): string {
  return css.replace(CSS_URL, (_m, q: string, url: string) => {
    report.urls += 1;
    return `url(${q}${relativeUrl(url, distDir, fromDir)}${q})`;
  });
}

/** Resolves "/_astro/x.js" imports inside dist, the way the browser would from the site root. */
function rootResolver(distDir: string): Plugin {
  return {
    name: "site-root",
    setup(b) {
      b.onResolve({ filter: /^\// }, (args) =>
        // The entry itself is an absolute file path already; only imports are site-root URLs.
        args.kind === "entry-point" ? undefined : { path: join(distDir, args.path) },
      );
    },
  };
}

// Dynamic imports of the site's own chunks are kept out of the bundle and loaded later as classic
// scripts (docs/architecture.md, "file:// and the portable build", step 3).
const LAZY_PREFIX = "__bf_lazy__";
const LAZY_CALL = /import\(\s*"__bf_lazy__([^"]+)"\s*\)/g;

/** Loader prepended to a bundle that has lazy chunks: adds a classic script, resolves with its exports. */
const LAZY_LOADER =
  "var __bfBase=document.currentScript&&document.currentScript.src||location.href;" +
  "function __bfLoad(f,g){return new Promise(function(r,j){var s=document.createElement('script');" +
  "s.src=new URL(f,__bfBase).href;s.onload=function(){r(window[g])};" +
  "s.onerror=function(){j(new Error('could not load '+f))};document.head.appendChild(s)})}\n";

function lazyChunks(distDir: string, found: Set<string>): Plugin {
  return {
    name: "lazy-chunks",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== "dynamic-import") return undefined;
        const file = args.path.startsWith("/") ? join(distDir, args.path) : join(args.resolveDir, args.path);
        const fromRoot = relative(distDir, file).split(sep).join("/");
        found.add(fromRoot);
        return { path: `${LAZY_PREFIX}${fromRoot}`, external: true };
      });
    },
  };
}

/** The file and global name a lazy chunk is written under, from its contents. */
function lazyName(code: string): { file: string; global: string } {
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
  return { file: `lazy.${hash}.js`, global: `__bfChunk_${hash}` };
}

// Vite's module preload helper reads import.meta.url to resolve a chunk's dependencies; a classic
// script has no import.meta, so esbuild warns that it will be empty. The helper only reads it when
// a lazy import has dependencies to preload, and ours have none (their chunks are bundled whole),
// so the warning is noise in every build's output. Vite lists such dependencies through
// __vite__mapDeps: if an entry ever has it, the build stops instead of shipping a broken script.
const QUIET = { logOverride: { "empty-import-meta": "silent" as const } };
const PRELOAD_DEPS = "__vite__mapDeps";

async function bundleClassic(
  entry: { path?: string; code?: string },
  distDir: string,
  lazy?: Map<string, { file: string; global: string }>,
): Promise<string> {
  const source = entry.path === undefined ? (entry.code ?? "") : await readFile(entry.path, "utf8");
  if (source.includes(PRELOAD_DEPS)) {
    throw new Error(
      `make-portable: ${entry.path ?? "an inline module script"} preloads dependencies of a lazy import ` +
        `(${PRELOAD_DEPS}), which a classic script cannot resolve without import.meta`,
    );
  }
  const found = new Set<string>();
  let code = await classicScript({
    ...(entry.path === undefined
      ? { stdin: { contents: entry.code ?? "", resolveDir: distDir, loader: "js" } }
      : { entryPoints: [entry.path] }),
    ...QUIET,
    plugins: lazy ? [lazyChunks(distDir, found), rootResolver(distDir)] : [rootResolver(distDir)],
  });
  if (!lazy || found.size === 0) return code;
  // Each lazy chunk becomes its own classic script that leaves its exports in a global.
  for (const chunk of [...found].sort()) {
    if (lazy.has(chunk)) continue;
    const text = await classicScript({
      entryPoints: [join(distDir, chunk)],
      globalName: "__bfPending",
      ...QUIET,
      plugins: [rootResolver(distDir)],
    });
    const name = lazyName(text);
    await writeFile(join(distDir, "_astro", name.file), text.replace("var __bfPending=", `var ${name.global}=`));
    lazy.set(chunk, name);
  }
  code = code.replace(LAZY_CALL, (_m, chunk: string) => {
    const name = lazy.get(chunk);
    return name ? `__bfLoad(${JSON.stringify(name.file)},${JSON.stringify(name.global)})` : _m;
  });
  return LAZY_LOADER + code;
}

const MODULE_SRC = /<script type="module" src="(\/[^"]+)"><\/script>/g;
const MODULE_INLINE = /<script type="module">([\s\S]*?)<\/script>/g;

/**
 * Module scripts with a src become deferred classic scripts next to them; inline module scripts
 * that import something are bundled and inlined. Each distinct script is bundled once.
 */
async function replaceModuleScripts(
  html: string,
  distDir: string,
  bundled: Map<string, string>,
  report: PortableReport,
  lazy: Map<string, { file: string; global: string }>,
): Promise<string> {
  let out = html;
  // A module runs once however many tags name it (two components that load the same code); a
  // classic script runs once per tag, so a page keeps the first tag of each bundle.
  const seen = new Set<string>();
  for (const [tag, src] of [...html.matchAll(MODULE_SRC)].map((m) => [m[0], m[1] ?? ""] as const)) {
    let classicUrl = bundled.get(src);
    if (classicUrl === undefined) {
      const code = await bundleClassic({ path: join(distDir, src) }, distDir, lazy);
      const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
      classicUrl = `/_astro/classic.${hash}.js`;
      await writeFile(join(distDir, classicUrl), code);
      bundled.set(src, classicUrl);
      report.scripts += 1;
    }
    const replacement = seen.has(classicUrl) ? "" : `<script defer src="${classicUrl}"></script>`;
    seen.add(classicUrl);
    out = out.replace(tag, () => replacement);
  }
  for (const [tag, body] of [...out.matchAll(MODULE_INLINE)].map((m) => [m[0], m[1] ?? ""] as const)) {
    if (!/\bimport\b/.test(body)) continue;
    const code = await bundleClassic({ code: body }, distDir);
    // A module script runs after parsing; keep that timing for the classic replacement.
    const deferred = `(()=>{const run=()=>{${code}};document.readyState==="loading"?document.addEventListener("DOMContentLoaded",run):run()})();`;
    out = out.replace(tag, () => `<script>${deferred}</script>`);
    report.scripts += 1;
  }
  return out;
}
