/**
 * Runs on every embed page. Inside an iframe it tells the host page how tall the page is,
 * whenever that changes, in the forms hosts listen for:
 * - ours: `{ type: "blocked-forever:height", height }` (public/embed-host.js reads it),
 * - Embedly's: `'{"src":…,"context":"iframe.resize","height":…}'` (a JSON string),
 * - Canvas LMS's: `'{"subject":"lti.frameResize","height":…}'` (a JSON string, which every
 *   Canvas version parses; newer ones take the object too).
 * The only message it answers is `{ type: "blocked-forever:request-height" }` from its own
 * parent (a host script that started after the frame had loaded); everything else is ignored.
 */

/** The message a host sends to ask for the height again. */
const REQUEST = "blocked-forever:request-height";

/** The boxes that scroll only in the fitted layout (embed-fit.css). */
const SCROLL_BOXES = ".replay-widgets, .replay-static, .replay-statuses, .replay-static-log pre";

/**
 * The height the page would take in a frame of unlimited height. The page fits itself to its
 * frame (embed-fit.css), so its box is the frame's; for a moment <html class="embed-natural">
 * lays it out in plain flow, as tall as its content with every chart at its full width, and it is
 * measured and put back before anything is painted. The frame's height does not enter it, so a host that sets the frame to it
 * gets the same number back.
 */
function pageHeight(): number {
  const root = document.documentElement;
  // Leaving the fitted layout resets the scroll boxes: keep where the reader had scrolled them.
  const scrolled = [...document.querySelectorAll<HTMLElement>(SCROLL_BOXES)]
    .filter((el) => el.scrollTop !== 0)
    .map((el) => [el, el.scrollTop] as const);
  root.classList.add("embed-natural");
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  root.classList.remove("embed-natural");
  for (const [el, top] of scrolled) el.scrollTop = top;
  return height;
}

let lastPosted = -1;

function postHeight(force: boolean): void {
  const height = pageHeight();
  if (height === 0 || (!force && height === lastPosted)) return;
  lastPosted = height;
  const host = window.parent;
  host.postMessage({ type: "blocked-forever:height", height }, "*");
  host.postMessage(JSON.stringify({ src: location.href, context: "iframe.resize", height }), "*");
  host.postMessage(JSON.stringify({ subject: "lti.frameResize", height }), "*");
}

function isHeightRequest(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === REQUEST;
}

if (window.parent !== window) {
  // What can change the page's height: the frame's width (charts scale with it), and the parts
  // whose content grows (lanes drawn, a group of goroutines opened). The body itself is as tall
  // as the frame, so watching it alone would miss them.
  const observer = new ResizeObserver(() => {
    postHeight(false);
  });
  observer.observe(document.body);
  for (const part of document.querySelectorAll(".embed-page > *, .replay-ui > *, .replay-widget, .replay-static")) {
    observer.observe(part);
  }
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !isHeightRequest(event.data)) return;
    postHeight(true);
  });
  // The host's listener may come up after our first message (its script loads in parallel with
  // this frame): say it again once everything has loaded, and once more a moment later.
  window.addEventListener("load", () => {
    postHeight(true);
    setTimeout(() => {
      postHeight(true);
    }, 1000);
  });
}
