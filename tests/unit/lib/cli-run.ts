import { PassThrough, Readable } from "node:stream";
import { main } from "../../../src/cli/main.ts";

/** What one run of the CLI gave: its exit code and everything it wrote. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Collects what is written to a stream. */
function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** Runs the CLI's main() in this process, as bin/blocked-forever.mjs does, with test streams. */
export async function runCli(args: string[], input?: string | Buffer): Promise<CliRun> {
  const stdout = sink();
  const stderr = sink();
  const stdin = Readable.from(input === undefined ? [] : [typeof input === "string" ? Buffer.from(input) : input]);
  const code = await main(args, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The JSON Lines the CLI wrote, one object a line. */
export function jsonl(s: string): Record<string, unknown>[] {
  return s
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
