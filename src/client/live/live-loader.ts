import { loadScript } from "../deferred/load-script.ts";
import { restoreDeferred } from "../deferred/restore-deferred.ts";

/**
 * The only live-widget code a page loads up front. The widget's own script (live/app.<hash>.js,
 * its data-src: a classic script, so it works from file:// too) comes when the reader reaches for
 * the widget (a pointer or the keyboard's focus inside it), and the WebAssembly module only on
 * Run. A Run pressed before the script is there is remembered, and done once it is.
 */
const liveCells = [...document.querySelectorAll<HTMLElement>("live-cell[data-src]")];
let requested = false;

function loadLiveScript(cell: HTMLElement): void {
  if (requested) return;
  requested = true;
  // The recordings of the programs not chosen first come back before the widget starts
  // (build/defer-markup.ts): it shows the one the chosen program's run is drawn against.
  void restoreDeferred(cell).then(() =>
    // A script that fails to load is reported by the browser itself; the knobs stay plain fields.
    loadScript(cell.getAttribute("data-src") ?? "").catch(() => undefined),
  );
}

for (const cell of liveCells) {
  // The knobs work before the script is there: they are plain form fields.
  const controls = cell.querySelector("fieldset.live-controls");
  if (controls instanceof HTMLFieldSetElement) controls.disabled = false;
  // From disk the first run reads the module from the page's folder instead (a bigger, base64 file).
  const run = cell.querySelector<HTMLElement>(".live-run");
  if (location.protocol === "file:" && run?.dataset["fileLabel"] !== undefined)
    run.textContent = run.dataset["fileLabel"];
  for (const type of ["pointerdown", "focusin"]) {
    cell.addEventListener(
      type,
      () => {
        loadLiveScript(cell);
      },
      { once: true },
    );
  }
  cell.querySelector("form")?.addEventListener("submit", (event) => {
    if (customElements.get("live-cell") !== undefined) return;
    event.preventDefault();
    cell.setAttribute("data-run-requested", "");
    loadLiveScript(cell);
  });
}
