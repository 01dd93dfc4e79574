// Loaded with --import into a process the bench runs: when that process exits, its peak resident
// size (the kernel's maxrss, so no peak between two samples is missed) is written to the file that
// BENCH_PEAK_RSS names, in bytes.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const file = process.env.BENCH_PEAK_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
