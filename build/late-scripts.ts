import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { rewritePages } from "./dist-files.ts";

/** A page's deferred classic scripts, as the portable rewrite writes them (make-portable.ts). */
const DEFERRED = /<script defer src="([^"]+)"><\/script>/g;

/**
 * The one inline script that asks for a page's scripts once the first frame is drawn: after the
 * next animation frame's task, so the request starts after the first paint; or after 200 ms, for a
 * page that draws no frames (a background tab, an iframe out of view, where animation frames wait).
 * `async = false` keeps them running in the page's order, as `defer` did.
 */
function loader(srcs: readonly string[]): string {
  return (
    `<script>(()=>{let done=false;const go=()=>{if(done)return;done=true;for(const u of ${JSON.stringify(srcs)}){` +
    `const s=document.createElement("script");s.src=u;s.async=false;document.body.append(s)}};` +
    `requestAnimationFrame(()=>setTimeout(go));setTimeout(go,200)})()</script>`
  );
}

/**
 * Moves a page's deferred scripts behind its first paint: instead of `<script defer src>` tags,
 * which the browser fetches as soon as it reads them, while the page's own HTML is still coming,
 * one inline script at the end of <body> adds them once the first frame is drawn. On a slow link
 * that does not compress, the HTML then has the bandwidth to itself until the reader sees the page,
 * and Lighthouse's simulation no longer counts eight script downloads before the largest paint
 * (0.2-0.4 s of LCP after FCP). The page's custom elements are defined a frame later; what they show
 * before that is styled (`:not(:defined)`). `read` gives a script's text by its src, relative to
 * the page. Runs before the CSP step, which hashes the loader and the header's scripts.
 */
export function lateScripts(html: string, read: (src: string) => string): string {
  // The site header's own scripts (the language switch, which carries the reader's place along, and
  // the theme toggle; a few hundred bytes each) are written into the page instead, where they run
  // as the parser reaches them: a reader may use them the moment the page shows, and a request
  // before the first paint is what this step avoids. Both only need what precedes them.
  const header = html.indexOf("</header>");
  const from = header === -1 ? 0 : header;
  const head = html.slice(0, from).replace(DEFERRED, (tag: string, src: string) => {
    const code = read(src).trim();
    return /<\/script/i.test(code) ? tag : `<script>${code}</script>`;
  });
  const rest = html.slice(from);
  const srcs = [...rest.matchAll(DEFERRED)].map((m) => m[1] ?? "");
  if (srcs.length === 0 || !rest.includes("</body>")) return head + rest;
  return head + rest.replace(DEFERRED, "").replace("</body>", () => `${loader(srcs)}\n</body>`);
}

/** Moves the deferred scripts of every page of the built site behind its first paint (lateScripts). */
export async function lateScriptsInPages(distDir: string): Promise<number> {
  const read = (file: string) => (src: string) => readFileSync(resolve(dirname(file), src), "utf8");
  return (await rewritePages(distDir, (html, file) => lateScripts(html, read(file)))).pages;
}
