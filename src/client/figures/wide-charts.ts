import { restoreDeferred } from "../deferred/restore-deferred.ts";

/**
 * A figure's page carries its chart drawn for phones (FigureCell.astro; the live widget's,
 * LiveCharts.astro); the one drawn for wider screens is deferred markup of group "wide"
 * (build/defer-markup.ts), put back here once the window is wider than a phone's, now or
 * after a turn or a resize. Until then, and without JavaScript, the phone's chart stands in the
 * wide one's box (FigureCell.astro), so the page keeps its height when the wide one arrives.
 */
const wide = matchMedia("(width > 600px)");

function putBack(): void {
  if (!wide.matches) return;
  wide.removeEventListener("change", putBack);
  void restoreDeferred(document, "wide");
}

if (document.querySelector("template[data-deferred-group=wide]")) {
  wide.addEventListener("change", putBack);
  putBack();
}
