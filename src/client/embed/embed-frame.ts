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

function pageHeight(): number {
  // <body> has no margin and no minimum height (EmbedLayout), so its box is the content's height;
  // the viewport's height, which the host sets from our messages, does not feed back into it.
  return Math.ceil(document.body.getBoundingClientRect().height);
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
  new ResizeObserver(() => {
    postHeight(false);
  }).observe(document.body);
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
