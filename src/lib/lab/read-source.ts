import { LogParser } from "../parse/log-parser.ts";
import { csvHeader, recordToCsv } from "../parse/records-csv.ts";
import { LabAnalysis } from "./lab-analysis.ts";
import type { LabSummary } from "./lab-summary.ts";

/** What the lab reads: a file (any Blob) or text (pasted, or an embedded recording). */
export type LabSource = { kind: "blob"; blob: Blob } | { kind: "text"; text: string };

/** How far reading has come. */
export interface ReadProgress {
  /** Bytes (for a file) or characters (for text) read so far. */
  done: number;
  total: number;
  lines: number;
}

/** Hooks for {@link analyseSource} and {@link exportSource}. */
export interface ReadOptions {
  /** Called after each chunk. */
  onProgress?: (p: ReadProgress) => void;
  /** Awaited after each chunk: the main-thread fallback yields to the page here. */
  pause?: () => Promise<void>;
  /** Checked after each chunk; reading stops when it returns true. */
  cancelled?: () => boolean;
  /** Chunk size in bytes or characters (default 1 MiB). */
  chunkSize?: number;
  /** Only this run of a log that holds several (see LabSummary.runs); all of them when absent. */
  run?: number | null;
}

/** Thrown by the readers when `cancelled()` turned true. */
export class ReadCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "ReadCancelled";
  }
}

/** A piece of a source's text, and how far into the source (bytes or characters) it came from. */
export interface SourceChunk {
  text: string;
  done: number;
  total: number;
}

/** Thrown by {@link sourceChunks} when a gzip file's data is corrupt or cut short, after what it could read. */
export class GzipDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GzipDataError";
  }
}

/** True when the bytes begin like gzip data (RFC 1952's ID1 ID2), whatever the file is called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The chunks of a source as text: a Blob is read in slices and decoded as a UTF-8 stream (a
 * character split between slices is kept whole; invalid bytes become U+FFFD, which the parser
 * reports); a gzip-compressed Blob is first inflated with the platform's DecompressionStream,
 * and its progress counts compressed bytes; text is cut into pieces. Only one chunk is held at a
 * time.
 */
export async function* sourceChunks(source: LabSource, chunkSize = 1 << 20): AsyncGenerator<SourceChunk> {
  if (source.kind === "text") {
    const { text } = source;
    for (let at = 0; at < text.length; at += chunkSize) {
      const end = Math.min(text.length, at + chunkSize);
      yield { text: text.slice(at, end), done: end, total: text.length };
    }
    return;
  }
  const { blob } = source;
  const decoder = new TextDecoder("utf-8");
  if (isGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer()))) {
    yield* gunzipChunks(blob, decoder, chunkSize);
    return;
  }
  for (let at = 0; at < blob.size; at += chunkSize) {
    const end = Math.min(blob.size, at + chunkSize);
    const bytes = new Uint8Array(await blob.slice(at, end).arrayBuffer());
    yield { text: decoder.decode(bytes, { stream: true }), done: end, total: blob.size };
  }
  const rest = decoder.decode();
  if (rest !== "") yield { text: rest, done: blob.size, total: blob.size };
}

async function* gunzipChunks(blob: Blob, decoder: TextDecoder, chunkSize: number): AsyncGenerator<SourceChunk> {
  let read = 0;
  const counted = blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  // DecompressionStream's writable side takes any BufferSource; the stream here carries Uint8Arrays.
  const inflate = new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>;
  const reader = counted.pipeThrough(inflate).getReader();
  // The inflated data comes in small pieces: gather about a chunk's worth before handing it on.
  let text = "";
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      text += decoder.decode();
      if (text !== "") yield { text, done: read, total: blob.size };
      throw new GzipDataError(error instanceof Error ? error.message : String(error));
    }
    if (next.done) break;
    text += decoder.decode(next.value, { stream: true });
    if (text.length >= chunkSize) {
      yield { text, done: read, total: blob.size };
      text = "";
    }
  }
  text += decoder.decode();
  if (text !== "") yield { text, done: blob.size, total: blob.size };
}

/**
 * Reads a whole source through the streaming parser into a {@link LabAnalysis} and returns its
 * summary. Records are folded in and dropped, so memory does not grow with the input.
 */
export async function analyseSource(source: LabSource, options: ReadOptions = {}): Promise<LabSummary> {
  const parser = new LogParser();
  const analysis = new LabAnalysis({ run: options.run ?? null });
  let total = 0;
  let gzipError: string | null = null;
  try {
    for await (const chunk of sourceChunks(source, options.chunkSize)) {
      analysis.text(chunk.text);
      analysis.addAll(parser.push(chunk.text));
      total = chunk.total;
      await step(options, { done: chunk.done, total, lines: analysis.lines });
    }
  } catch (error) {
    // A cut-short or corrupt .gz: what came before is read, and the summary says where it stopped.
    if (!(error instanceof GzipDataError)) throw error;
    gzipError = error.message;
  }
  analysis.addAll(parser.end());
  analysis.prefixes(parser.prefixes);
  // A last line without a newline is only counted now: the final progress says so too, so that
  // the progress line and the summary give the same number of lines.
  options.onProgress?.({ done: total, total, lines: analysis.lines });
  const summary = analysis.summary();
  if (gzipError !== null) {
    summary.notes.push("gzip-error");
    summary.gzipError = gzipError;
  }
  return summary;
}

/** The export formats: the CLI's JSON Lines and CSV (docs/cli.md). */
export type ExportFormat = "jsonl" | "csv";

/**
 * Parses a source again and writes every record in the CLI's schema, as Blob parts of about a
 * megabyte each, so a big export lives in the browser's blob storage rather than in one string.
 */
export async function exportSource(source: LabSource, format: ExportFormat, options: ReadOptions = {}): Promise<Blob> {
  const parser = new LogParser();
  const parts: Blob[] = [];
  const type = format === "csv" ? "text/csv;charset=utf-8" : "application/x-ndjson;charset=utf-8";
  let text = format === "csv" ? csvHeader() : "";
  let lines = 0;
  const write = (records: ReturnType<LogParser["push"]>): void => {
    for (const r of records) text += format === "csv" ? recordToCsv(r) : `${JSON.stringify(r)}\n`;
    for (const r of records) lines = Math.max(lines, "endLine" in r ? r.endLine : r.line);
    if (text.length >= 1 << 20) {
      parts.push(new Blob([text]));
      text = "";
    }
  };
  try {
    for await (const chunk of sourceChunks(source, options.chunkSize)) {
      write(parser.push(chunk.text));
      await step(options, { done: chunk.done, total: chunk.total, lines });
    }
  } catch (error) {
    // A cut-short .gz: the records of what could be read are the export, as in the summary.
    if (!(error instanceof GzipDataError)) throw error;
  }
  write(parser.end());
  parts.push(new Blob([text]));
  return new Blob(parts, { type });
}

async function step(options: ReadOptions, progress: ReadProgress): Promise<void> {
  options.onProgress?.(progress);
  if (options.pause !== undefined) await options.pause();
  if (options.cancelled?.() === true) throw new ReadCancelled();
}
