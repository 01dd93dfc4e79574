import { restoreDeferred } from "../deferred/restore-deferred.ts";

/**
 * A figure's page carries its chart drawn for phones; the one drawn for wider screens is deferred
 * markup (build/defer-markup.ts), put back here once the window is wider than a phone's, now or
 * after a turn or a resize. Until then, and without JavaScript, the phone's chart stands in the
 * wide one's box (FigureCell.astro), so the page keeps its height when the wide one arrives.
 */
const wide = matchMedia("(width > 600px)");
const figures = [...document.querySelectorAll<HTMLElement>(".cell-figure")];

function putBack(): void {
  if (!wide.matches) return;
  wide.removeEventListener("change", putBack);
  for (const figure of figures) void restoreDeferred(figure, "wide");
}

if (figures.length > 0) {
  wide.addEventListener("change", putBack);
  putBack();
}
