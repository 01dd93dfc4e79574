import { loadScript } from "./load-script.ts";

/** Set by a page's deferred-markup script (build/defer-markup.ts, deferredScript). */
declare global {
  interface Window {
    __blockedForeverDeferred?: Record<string, string[]>;
  }
}

// The address of the script this code runs in (a bundle in _astro/ or a lazy chunk beside it, both
// classic scripts, so currentScript is theirs while they first run): the page's templates carry only
// a key, and the build writes each key's markup to deferred/<key>.js beside _astro/
// (build/defer-markup.ts), wherever the site's folder is, file:// included.
const base = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";

/** The deferred-markup script of one key, beside the folder of the script this code came in. */
function scriptOf(key: string): string {
  if (base === "") throw new Error("restoreDeferred: not loaded by a classic script of the built site");
  return new URL(`../deferred/${key}.js`, base).href;
}

/**
 * Puts back the markup that the build moved out of the page (build/defer-markup.ts): every
 * `<template data-deferred>` (or, inside SVG, `<g data-deferred>`) inside `root` becomes the
 * elements it stands for. That markup is the
 * page's own, as the build wrote it (another program's layer of a chart, another listing), kept in
 * a classic script of the site's folder (so it loads from file:// too) because no reader sees it
 * before the widget's code runs. Only the markup of one group comes back (`data-defer="GROUP"` in
 * the component; "" for a bare `data-defer`): a replay cell's loader leaves the Embed control's
 * panel inside it to that control. Resolves once all of it is back.
 */
export async function restoreDeferred(root: ParentNode, group = ""): Promise<void> {
  const slots = [...root.querySelectorAll<HTMLTemplateElement | SVGGElement>("[data-deferred]")].filter(
    (s) => (s.dataset["deferredGroup"] ?? "") === group,
  );
  const names = slots.map((s) => (s.dataset["deferred"] ?? "").split(" "));
  await Promise.all([...new Set(names.map(([key = ""]) => key))].map((key) => loadScript(scriptOf(key))));
  slots.forEach((slot, i) => {
    const [key = "", index = ""] = names[i] ?? [];
    const markup = window.__blockedForeverDeferred?.[key]?.[Number(index)];
    if (markup === undefined) throw new Error(`no deferred markup ${key} ${index}`);
    // The page's own markup from the build, not data: parsed as the page itself was (a <template>'s
    // as HTML, an SVG group's in its place, as SVG).
    slot.innerHTML = markup;
    if (slot instanceof HTMLTemplateElement) slot.replaceWith(slot.content);
    else slot.replaceWith(...slot.childNodes);
  });
}
