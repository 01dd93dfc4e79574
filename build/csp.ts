import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { listPages } from "./dist-files.ts";

/** What addContentSecurityPolicy did, for the build log. */
export interface CspReport {
  pages: number;
  inlineScripts: number;
  /** Inline event handlers or javascript: URLs, which the policy blocks; each names its page. */
  blocked: string[];
}

/** Script types the browser runs; data blocks (application/json, text/plain) are not scripts. */
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
/** The live widget's element (src/components/Live/LiveCell.astro). */
const LIVE_WIDGET = /<live-cell[\s>]/;

/** The sha256 CSP source of a script's text, exactly as it stands between its tags. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The policy of one page: only the site's own files, plus the inline scripts it carries by hash.
 * Styles may be inline (shiki and Plot write style attributes). The lab's worker starts from a
 * Blob URL (so does the live widget's). frame-ancestors cannot be set from a <meta> tag (browsers
 * ignore it there), so pages stay embeddable; a host that wants to forbid framing sends it as an HTTP header.
 * Over file:// Chromium lets 'self' match the page's folder's files, so the same policy works there.
 */
export function pagePolicy(html: string): string {
  const hashes = new Set<string>();
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? "";
    if (/\ssrc=/.test(attrs)) continue;
    const type = /\stype=(["']?)([^"'\s>]*)\1/.exec(attrs)?.[2] ?? "";
    if (EXECUTABLE.test(type)) hashes.add(scriptHash(m[2] ?? ""));
  }
  // The live widget compiles the Go program's WebAssembly module (WebAssembly.compile), which
  // script-src must allow; only the pages that carry it get that, and nothing else changes.
  const wasm = LIVE_WIDGET.test(html) ? ["'wasm-unsafe-eval'"] : [];
  return [
    "default-src 'none'",
    ["script-src 'self'", ...wasm, ...[...hashes].sort()].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Inline handlers (onclick=…) and javascript: URLs: the policy would block them, silently. */
function blockedByPolicy(html: string): string[] {
  const outsideScripts = html.replace(SCRIPT, "");
  return [...outsideScripts.matchAll(/<[a-z][^>]*?\s(on[a-z]+=|(?:href|src)=["']?javascript:)/gi)].map(
    (m) => m[1] ?? "",
  );
}

/**
 * Puts a Content-Security-Policy <meta> as the first thing after <meta charset> of every page
 * (a policy only covers what comes after it). Runs after the portable rewrite, so the hashes are
 * those of the scripts as shipped.
 */
export async function addContentSecurityPolicy(distDir: string): Promise<CspReport> {
  const report: CspReport = { pages: 0, inlineScripts: 0, blocked: [] };
  const pages = await listPages(distDir);
  for (const file of pages) {
    const html = await readFile(file, "utf8");
    if (html.includes('http-equiv="Content-Security-Policy"')) continue;
    const policy = pagePolicy(html);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
    const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
    const at = charset ? charset.index + charset[0].length : html.indexOf("<head>") + "<head>".length;
    if (at < "<head>".length) throw new Error(`${file}: no <head> to put the Content-Security-Policy in`);
    await writeFile(file, `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`);
    report.pages += 1;
    report.inlineScripts += policy.split("'sha256-").length - 1;
    report.blocked.push(...blockedByPolicy(html).map((what) => `${file}: ${what}`));
  }
  return report;
}
