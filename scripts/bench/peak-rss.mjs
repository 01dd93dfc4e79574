// Loaded with --import into a process the bench runs: when that process exits, its peak resident
// size is written to the file that BENCH_PEAK_RSS names, in bytes. On Linux it is VmHWM, the high
// water mark of this program's own memory; getrusage's maxrss is not: it carries over the peak of
// the image the process was forked from, so a child of a bench that had just made a 200 MB log
// reported that bench's 210 MB. Elsewhere, maxrss.
import { readFileSync, writeFileSync } from "node:fs";

function peakRss() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}

process.on("exit", () => {
  const file = process.env.BENCH_PEAK_RSS;
  if (file) writeFileSync(file, String(peakRss()));
});
