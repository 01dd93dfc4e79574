import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { LogParser } from "../lib/parse/log-parser.ts";
import { csvHeader, recordToCsv } from "../lib/parse/records-csv.ts";
import type { ErrorReason, TraceRecord } from "../lib/parse/trace-records.ts";

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
 * Streams FILE (or stdin for '-') through the log parser to stdout, chunk by chunk, waiting for
 * 'drain' when stdout is full, so memory stays flat for any input size. Resolves to the exit code.
 */
export async function runParse(options: ParseOptions, io: ParseIO): Promise<number> {
  let input: Readable;
  if (options.file === "-") {
    input = io.stdin;
  } else {
    const problem = await unreadable(options.file);
    if (problem !== null) {
      io.stderr.write(`blocked-forever: cannot read ${options.file}: ${problem}\n`);
      return 2;
    }
    input = createReadStream(options.file, { highWaterMark: 1 << 16 });
  }

  // Non-fatal decoding turns invalid UTF-8 into U+FFFD, which the parser reports as binary data.
  const decoder = new TextDecoder("utf-8");
  const parser = new LogParser();
  const format = options.format === "csv" ? recordToCsv : (r: TraceRecord) => JSON.stringify(r) + "\n";
  const errors = new Map<ErrorReason, number>();
  const write = async (records: TraceRecord[]): Promise<void> => {
    if (records.length === 0) return;
    let out = "";
    for (const r of records) {
      if (r.kind === "error") errors.set(r.reason, (errors.get(r.reason) ?? 0) + 1);
      out += format(r);
    }
    if (!io.stdout.write(out)) await once(io.stdout, "drain");
  };

  try {
    if (options.format === "csv" && !io.stdout.write(csvHeader())) await once(io.stdout, "drain");
    for await (const chunk of input) {
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
      await write(parser.push(text));
    }
    await write(parser.push(decoder.decode()));
    await write(parser.end());
  } catch (e) {
    io.stderr.write(
      `blocked-forever: cannot read ${options.file === "-" ? "standard input" : options.file}: ${reason(e)}\n`,
    );
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

/** Why a path cannot be read as a file, or null if it can (as far as stat can tell). */
async function unreadable(file: string): Promise<string | null> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) return "is a directory";
    return null;
  } catch (e) {
    return reason(e);
  }
}

function reason(e: unknown): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
