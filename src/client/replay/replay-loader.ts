// This file imports nothing that the replay's code imports too: a module both used would end up in
// this page script's chunk, the portable build would bundle that chunk into the lazy replay script,
// and this loader would run a second time from there. So it reads the hash on its own (the replay
// itself reads it with src/lib/replay/hash-state.ts).
import type { ReplayVariant } from "../../lib/replay/replay-data.ts";
import { loadScript } from "../deferred/load-script.ts";
import { restoreDeferred } from "../deferred/restore-deferred.ts";

/** Set by the replay's data script (src/server/replay.ts, replayDataScript). */
declare global {
  interface Window {
    __blockedForeverReplay?: ReplayVariant[];
  }
}

/**
 * The only replay code a page loads up front: it waits until a replay cell is near the viewport
 * (or starts at once when the page was opened with a replay state in its hash), then loads the
 * replay's code (a lazy chunk: the portable build turns the import() into a classic script, so it
 * works from file:// too) and its data (a classic script beside the pages, replay/data.<hash>.js,
 * named by the cell's data-src).
 */
const cells = [...document.querySelectorAll<HTMLElement>("replay-cell")];

async function data(src: string): Promise<ReplayVariant[]> {
  await loadScript(src);
  const variants = window.__blockedForeverReplay;
  if (!variants) throw new Error(`${src} set no replay data`);
  return variants;
}

let markup: Promise<unknown> | undefined;

/**
 * Puts the cells' deferred markup back, once (build/defer-markup.ts): the other programs' layers,
 * listings and labels, and the first program's wide heap drawings and listing.
 */
function restore(): Promise<unknown> {
  markup ??= Promise.all(cells.map((c) => restoreDeferred(c)));
  return markup;
}

function load(): void {
  const src = cells[0]?.dataset["src"];
  if (src === undefined) return;
  void Promise.all([import("./replay-cell.ts"), data(src), restore()]).then(([cell, variants]) => {
    cell.defineReplayCell(variants);
  });
}

/**
 * The markup also comes back once the page has loaded and the browser is idle, whether or not the
 * reader goes near the replay: on a wide screen it holds what the cell shows first (the heap
 * drawing, the listing), which a reader who gets there before the replay's code, or who prints
 * the page, should find there. It is a few KB (compressed) of the page's own markup, after the
 * page is up.
 */
function restoreWhenIdle(): void {
  const later = (): void => {
    if ("requestIdleCallback" in window) requestIdleCallback(() => void restore(), { timeout: 3000 });
    else setTimeout(() => void restore(), 500);
  };
  if (document.readyState === "complete") later();
  else addEventListener("load", later, { once: true });
}

if (cells.length > 0) {
  restoreWhenIdle();
  if (/(?:^#|&)(?:variant|t)=/.test(location.hash)) {
    load();
  } else {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      // Start a little before the cell scrolls into view, so it is ready when the reader gets there.
      { rootMargin: "600px 0px" },
    );
    for (const cell of cells) observer.observe(cell);
  }
}
