import type { OutputStream } from "../../lib/live/live-output.ts";

/** What the page sends the worker: one run of the compiled module. */
export interface RunRequest {
  type: "run";
  module: WebAssembly.Module;
  argv: string[];
  env: Record<string, string>;
}

/** What the worker sends back. */
export type WorkerMessage =
  /** The worker's script has run and it waits for a request. */
  | { type: "ready" }
  /** Whole lines of one stream, as Go wrote them (posted from inside the write, while Go runs). */
  | { type: "lines"; stream: OutputStream; lines: string[] }
  /**
   * The program ended with this exit code (2 after a fatal error such as running out of memory);
   * `memoryBytes` is how far its WebAssembly memory had grown (it never shrinks).
   */
  | { type: "exit"; code: number; memoryBytes: number }
  /** Instantiating or running the module threw; the message as JavaScript gave it. */
  | { type: "failed"; message: string };
