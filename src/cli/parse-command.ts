import type { Readable, Writable } from "node:stream";
import { LogParser } from "../lib/parse/log-parser.ts";
import type { ErrorReason, TraceRecord } from "../lib/parse/trace-records.ts";
import { ByteSink, CHUNK_BYTES } from "./byte-sink.ts";
import { CsvWriter } from "./csv-writer.ts";
import { inputBytes, inputName, READ_BYTES, ReadFailed } from "./input.ts";
import { writeJsonLine } from "./jsonl-writer.ts";
import { Output, WriteFailed, writeFailureLine } from "./output.ts";

/** Where the parse command reads and writes; the real process streams, or test doubles. */
export interface ParseIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Options of `blocked-forever parse`. */
export interface ParseOptions {
  file: string;
  format: "jsonl" | "csv";
  strict: boolean;
}

/**
 * Streams FILE (or stdin for '-'; gzip data is inflated) through the log parser to stdout, chunk
 * by chunk. The records' bytes are written straight into buffers of {@link CHUNK_BYTES}, each
 * written to stdout once it is full, or as soon as the input pauses (a read that did not fill its
 * buffer: a pipe from a running program), so records of a live log come out as its lines do.
 * It waits until they have gone out and then fills the same buffers again, so memory stays flat
 * for any input size. Resolves to the exit code.
 */
export async function runParse(options: ParseOptions, io: ParseIO): Promise<number> {
  // Non-fatal decoding turns invalid UTF-8 into U+FFFD, which the parser reports as binary data.
  const decoder = new TextDecoder("utf-8");
  const parser = new LogParser();
  const output = new Output(io.stdout);
  const sink = new ByteSink();
  const csv = options.format === "csv" ? new CsvWriter(sink) : null;
  const errors = new Map<ErrorReason, number>();
  const add = (records: TraceRecord[]): void => {
    for (const r of records) {
      if (r.kind === "error") errors.set(r.reason, (errors.get(r.reason) ?? 0) + 1);
      if (csv === null) writeJsonLine(sink, r);
      else csv.write(r);
    }
  };
  const send = async (): Promise<void> => {
    for (const chunk of sink.take()) await output.write(chunk);
    // Once they are out, their buffers are filled again.
    await output.flush();
    sink.recycle();
  };

  const readFailed = (e: ReadFailed): number => {
    io.stderr.write(`blocked-forever: cannot read ${inputName(options.file)}: ${e.message}\n`);
    return 2;
  };
  const bytes = inputBytes({ file: options.file, stdin: io.stdin });
  let first: IteratorResult<Uint8Array>;
  try {
    // A file that cannot be opened at all gets its one line before anything is written.
    first = await bytes.next();
  } catch (e) {
    if (e instanceof ReadFailed) return readFailed(e);
    throw e;
  }
  try {
    csv?.header();
    let failed: ReadFailed | null = null;
    try {
      for (let next = first; next.done !== true; next = await bytes.next()) {
        add(parser.push(decoder.decode(next.value, { stream: true })));
        if (sink.size >= CHUNK_BYTES || next.value.length < READ_BYTES) await send();
      }
    } catch (e) {
      if (!(e instanceof ReadFailed)) throw e;
      failed = e;
    }
    // What was read before a failure is written, then the failure is told.
    add(parser.push(decoder.decode()));
    add(parser.end());
    await send();
    await output.flush();
    if (failed !== null) return readFailed(failed);
  } catch (e) {
    if (!(e instanceof WriteFailed)) throw e;
    io.stderr.write(writeFailureLine(e));
    return 2;
  }
  if (!options.strict || errors.size === 0) return 0;
  io.stderr.write(`blocked-forever: ${errorSummary(errors)}\n`);
  return 1;
}

/** What --strict says on stderr when it fails: how many error records, by reason, most first. */
export function errorSummary(errors: ReadonlyMap<ErrorReason, number>): string {
  let total = 0;
  for (const n of errors.values()) total += n;
  const byReason = [...errors]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([reason, n]) => `${String(n)} ${reason}`)
    .join(", ");
  return `${String(total)} ${total === 1 ? "line is an error record" : "lines are error records"} (${byReason})`;
}
