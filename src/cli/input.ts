import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { isGzip } from "../lib/lab/read-source.ts";

/** Thrown when the input cannot be read: `message` says why, for the one line on stderr. */
export class ReadFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReadFailed";
  }
}

/** How much of a file the commands read at a time. */
export const READ_BYTES = 1 << 16;

/** What the commands read from: a file's path, or '-' for standard input. */
export interface InputSource {
  file: string;
  stdin: Readable;
}

/** How the input is named on stderr. */
export function inputName(file: string): string {
  return file === "-" ? "standard input" : file;
}

/**
 * The input's bytes, chunk by chunk: FILE (or standard input for '-'), inflated when it is gzip
 * data, whatever its name (zlib reads concatenated members too). Errors of reading or inflating
 * become {@link ReadFailed}, after the chunks that came before them.
 */
export async function* inputBytes(source: InputSource): AsyncGenerator<Uint8Array> {
  let stream: Readable;
  if (source.file === "-") stream = source.stdin;
  else {
    const problem = await unreadable(source.file);
    if (problem !== null) throw new ReadFailed(problem);
    stream = createReadStream(source.file, { highWaterMark: READ_BYTES });
  }
  const chunks = bytesOf(stream);
  // Enough of the start to see the gzip magic, even from a stdin that gives one byte at a time.
  let head: Uint8Array = new Uint8Array(0);
  let next = await chunks.next();
  while (!next.done && head.length < 2) {
    head = concat(head, next.value);
    if (head.length < 2) next = await chunks.next();
  }
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (next.done === true) return;
    for (;;) {
      const n = await chunks.next();
      if (n.done === true) return;
      yield n.value;
    }
  };
  if (!isGzip(head)) {
    yield* rest();
    return;
  }
  const gunzip = createGunzip({ chunkSize: READ_BYTES });
  const compressed = Readable.from(rest());
  compressed.on("error", (e: unknown) => gunzip.destroy(e instanceof Error ? e : new Error(String(e))));
  compressed.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (e) {
    if (e instanceof ReadFailed) throw e;
    const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
    if (code.startsWith("Z_")) {
      throw new ReadFailed(`its gzip data is damaged or cut short (${e instanceof Error ? e.message : code})`);
    }
    throw new ReadFailed(reason(e));
  }
}

/** A stream's chunks as bytes; a read error becomes {@link ReadFailed}. */
async function* bytesOf(stream: Readable): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream)
      yield typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
  } catch (e) {
    throw new ReadFailed(reason(e));
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
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

/** Why reading failed, in words. */
export function reason(e: unknown): string {
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
