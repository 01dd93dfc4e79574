/* Blocked Forever, embed host helper (optional). Include it once on a page that shows our embed
 * pages in iframes:  <script src="https://YOUR-COPY-OF-THE-SITE/embed-host.js" defer></script>
 * and each such iframe takes the height of its content, now and whenever it changes.
 *
 * It only acts on a message that (1) comes from an iframe on this page whose address is one of
 * our embed pages (…/embed/<widget>/), (2) comes from that iframe's own origin, and (3) has the
 * shape { type: "blocked-forever:height", height: <number> }. Anything else is left alone.
 * It works without it too: the iframe then keeps the height written in the snippet. */
/* global window, document, location */
(() => {
  "use strict";
  if (window.blockedForeverEmbedHost) return;
  window.blockedForeverEmbedHost = true;

  const EMBED_PATH = /\/embed\/[a-z]+\/(?:index\.html)?$/;
  const MAX_HEIGHT = 20000;

  /** The URL an iframe shows, or null when it is not one of our embed pages. */
  const embedUrl = (frame) => {
    try {
      const url = new URL(frame.getAttribute("src") || "", location.href);
      return EMBED_PATH.test(url.pathname) ? url : null;
    } catch {
      return null;
    }
  };

  /** The origin its messages carry: file:// pages post with the origin "null". */
  const originOf = (url) => (url.protocol === "file:" ? "null" : url.origin);

  const frameOf = (source) => {
    if (!source) return null;
    for (const frame of document.getElementsByTagName("iframe")) {
      if (frame.contentWindow === source) return frame;
    }
    return null;
  };

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (typeof data !== "object" || data === null || data.type !== "blocked-forever:height") return;
    const frame = frameOf(event.source);
    const url = frame && embedUrl(frame);
    if (!url || event.origin !== originOf(url)) return;
    const height = data.height;
    if (typeof height !== "number" || !Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    frame.style.height = `${String(Math.ceil(height))}px`;
  });

  // Frames that loaded before this script ran have told their height already: ask again. The
  // request carries nothing, so it may go to whatever the frame shows ("*").
  const ask = (frame) => {
    if (embedUrl(frame)) frame.contentWindow?.postMessage({ type: "blocked-forever:request-height" }, "*");
  };
  const start = () => {
    for (const frame of document.getElementsByTagName("iframe")) ask(frame);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
