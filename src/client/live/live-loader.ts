/**
 * The only live-widget code a page loads up front: when a <live-cell> comes near the viewport it
 * adds the widget's own script (its data-src, live/app.<hash>.js, a classic script, so it works
 * from file:// too). The WebAssembly module itself waits for the reader's Run.
 */
const liveCells = [...document.querySelectorAll<HTMLElement>("live-cell[data-src]")];
if (liveCells.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      const script = document.createElement("script");
      script.src = liveCells[0]?.getAttribute("data-src") ?? "";
      document.head.append(script);
    },
    // Start a little before the widget scrolls into view, so it is ready when the reader gets there.
    { rootMargin: "600px 0px" },
  );
  for (const cell of liveCells) observer.observe(cell);
}
