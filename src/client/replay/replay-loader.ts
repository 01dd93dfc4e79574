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

function load(): void {
  const src = cells[0]?.dataset["src"];
  if (src === undefined) return;
  // The other programs' layers and listings come back first (build/defer-markup.ts).
  const markup = Promise.all(cells.map((c) => restoreDeferred(c)));
  void Promise.all([import("./replay-cell.ts"), data(src), markup]).then(([cell, variants]) => {
    cell.defineReplayCell(variants);
  });
}

if (cells.length > 0) {
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
