// Writes a large runtime log made of real lines (the committed fixtures), repeated with gc numbers
// and times renumbered so they keep increasing, as a long-running program would print them.
import { createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";

const FIXTURES = [
  "go1.27-leak-scheddetail.txt",
  "go1.26-tick-schedtrace-scav-pacer.txt",
  "go1.19-leak-scheddetail.txt",
  "go1.26-torn-gctrace.txt",
];

/**
 * Writes at least `targetBytes` of log to `path`; resolves to the bytes and lines written. With
 * `gctraceOnly`, only the fixtures' gctrace lines (and their `GC forced` lines) are used: the log of
 * a long-running service under plain `GODEBUG=gctrace=1`. With `cri`, every line comes behind a
 * containerd/CRI prefix (`<time> stderr F `), as Kubernetes keeps a container's log.
 */
export async function makeLog(path, targetBytes, { gctraceOnly = false, cri = false } = {}) {
  const dir = new URL("../../tests/fixtures/logs/", import.meta.url);
  const lines = FIXTURES.flatMap((name) =>
    readFileSync(new URL(name, dir), "utf8")
      .split("\n")
      .filter((l, i, a) => i < a.length - 1 || l !== ""),
  ).filter((l) => !gctraceOnly || /^gc \d+ @/.test(l) || l === "GC forced");
  const out = createWriteStream(path);
  let bytes = 0;
  let written = 0;
  let gc = 0;
  let ms = 0;
  while (bytes < targetBytes) {
    let batch = "";
    for (const line of lines) {
      let text = line;
      if (text.startsWith("gc ")) {
        text = text.replace(/^gc \d+ @\d+\.\d{3}s/, () => `gc ${++gc} @${(ms / 1000).toFixed(3)}s`);
        ms += 7;
      } else if (text.startsWith("SCHED ")) {
        text = text.replace(/^SCHED \d+ms/, `SCHED ${ms}ms`);
        ms += 3;
      }
      if (cri) text = `${new Date(Date.UTC(2026, 11, 1) + ms).toISOString().replace("Z", "000000Z")} stderr F ${text}`;
      batch += text + "\n";
      written++;
    }
    bytes += Buffer.byteLength(batch);
    if (!out.write(batch)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { bytes, lines: written };
}
