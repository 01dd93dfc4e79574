import { findLms } from "./find-api.ts";

/**
 * The SCORM package's pages load this script (scripts/scorm-package.mjs adds it to them; the
 * site's own pages do not carry it). It finds the LMS (find-api.ts), starts the attempt, reports
 * it completed once the reader has played a replay to its end or reached the end of the page
 * (the article's footer; on an embed page without a replay, its last line; on the live widget's
 * page, once the reader's run has finished), and closes the session
 * when the reader leaves. Without an LMS it does nothing at all.
 */
const lms = findLms();

if (lms?.initialize()) {
  const session = lms;
  const started = performance.now();
  let done = session.completed();
  if (!done) session.start();

  const observers: (MutationObserver | IntersectionObserver)[] = [];
  const complete = (): void => {
    if (done) return;
    done = true;
    session.complete();
    observers.forEach((o) => {
      o.disconnect();
    });
  };

  const cells = [...document.querySelectorAll<HTMLElement>("replay-cell")];
  // A replay is at its end when the time its state records (data-hash, written whenever the clock
  // stops) reaches the end of its slider.
  const atEnd = (cell: HTMLElement): boolean => {
    const end = Number(cell.querySelector<HTMLInputElement>("input[type=range]")?.max ?? Number.NaN);
    const t = Number(new URLSearchParams(cell.dataset["hash"] ?? "").get("t") ?? Number.NaN);
    return Number.isFinite(end) && Number.isFinite(t) && t >= end - 0.005;
  };
  for (const cell of cells) {
    const watch = new MutationObserver(() => {
      if (atEnd(cell)) complete();
    });
    watch.observe(cell, { attributes: true, attributeFilter: ["data-hash"] });
    observers.push(watch);
  }
  // The live widget's own page: its last line shows at once (the page fits its frame), so the
  // attempt is completed once the reader's own run has finished instead.
  const live = document.querySelector<HTMLElement>(".embed-page live-cell");
  if (live) {
    const watch = new MutationObserver(() => {
      if (live.dataset["state"] === "finished") complete();
    });
    watch.observe(live, { attributes: true, attributeFilter: ["data-state"] });
    observers.push(watch);
  }
  const end = live ? null : document.querySelector(cells.length > 0 ? ".site-footer" : ".site-footer, .embed-credit");
  if (end) {
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) complete();
    });
    seen.observe(end);
    observers.push(seen);
  }

  let finished = false;
  addEventListener("pagehide", () => {
    if (finished) return;
    finished = true;
    session.finish(performance.now() - started);
  });
}
