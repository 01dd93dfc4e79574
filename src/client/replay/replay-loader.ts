/**
 * The only replay code a page loads up front: it waits until a replay cell is near the viewport,
 * then loads the replay itself (a separate script; the portable build turns this import() into a
 * classic script it adds to the page, so it works from file:// too).
 */
const cells = document.querySelectorAll("replay-cell");
if (cells.length > 0) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void import("./replay-cell.ts");
    },
    // Start a little before the cell scrolls into view, so it is ready when the reader gets there.
    { rootMargin: "600px 0px" },
  );
  for (const cell of cells) observer.observe(cell);
}
