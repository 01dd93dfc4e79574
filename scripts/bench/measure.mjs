// One measurement in its own process, so its peak RSS is its own: reads FILE in 64 KiB chunks and
// either only splits it into lines (split), splits it and tests each line against its kind's
// pattern (validate: the ceiling of a validating parser, validate-lines.mjs), or parses every line
// (parse). Prints one JSON line with the figures.
import { createReadStream, statSync } from "node:fs";
import { LineSplitter } from "../../src/lib/parse/line-splitter.ts";
import { LogParser } from "../../src/lib/parse/log-parser.ts";
import { validateLines } from "./validate-lines.mjs";

const [mode, file] = process.argv.slice(2);
const bytes = statSync(file).size;
let peakRss = process.memoryUsage().rss;
const decoder = new TextDecoder();
const worker = mode === "parse" ? new LogParser() : new LineSplitter();
let lines = 0;
let errors = 0;
let chunks = 0;
// Counting the error records is the bench's bookkeeping, not parsing: its time is left out.
let bookkeeping = 0;
const count = (items) => {
  const from = performance.now();
  // A joined torn line gives one record for several lines, a goroutine one for its block: count
  // lines by the highest line number seen (records come in line order).
  if (mode === "parse") {
    for (const r of items) {
      if (r.kind === "error") errors++;
      lines = Math.max(lines, r.endLine ?? r.line);
    }
  } else lines += items.length;
  bookkeeping += performance.now() - from;
};
// The validating ceiling's tests are the work being timed, so they run outside the bookkeeping.
let validated = 0;
const take = (items) => {
  if (mode === "validate") validated += validateLines(items);
  count(items);
};
const start = performance.now();
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
  take(worker.push(decoder.decode(chunk, { stream: true })));
  if (++chunks % 16 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
take(worker.push(decoder.decode()));
take(worker.end());
const seconds = (performance.now() - start - bookkeeping) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
process.stdout.write(JSON.stringify({ mode, bytes, lines, errors, validated, seconds, peakRss }) + "\n");
