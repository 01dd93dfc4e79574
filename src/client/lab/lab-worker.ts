// The lab's Web Worker: parses a log off the main thread, so the page stays responsive however big
// the file. Bundled as a classic script by build/lab-bundle.ts, carried inside the lab page as
// text, and started from a Blob URL (lab-runner.ts), which also works from file://, where
// Chromium refuses a worker script loaded by URL.
import { analyseSource, exportSource, type ReadProgress } from "../../lib/lab/read-source.ts";
import type { LabRequest, LabResponse } from "./lab-protocol.ts";

const send = (message: LabResponse): void => {
  postMessage(message);
};

// Progress at most every 50 ms: enough for a smooth bar, few messages for the page to handle.
function throttledProgress(id: number): (progress: ReadProgress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < 50 && progress.done < progress.total) return;
    last = now;
    send({ type: "progress", id, progress });
  };
}

addEventListener("message", (event: MessageEvent<LabRequest>) => {
  const request = event.data;
  const onProgress = throttledProgress(request.id);
  const run =
    request.type === "analyse"
      ? analyseSource(request.source, { onProgress, run: request.run }).then((summary) => {
          send({ type: "summary", id: request.id, summary });
        })
      : exportSource(request.source, request.format, { onProgress }).then((blob) => {
          send({ type: "exported", id: request.id, blob });
        });
  run.catch((error: unknown) => {
    send({ type: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) });
  });
});

send({ type: "ready" });
