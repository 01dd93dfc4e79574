// The live program's worker. The page starts it from a Blob URL of one text: the Go toolchain's
// own wasm_exec.js (traces/live/<go>/, unchanged), then this file, bundled as a classic script
// (src/server/live-module.ts). One worker runs one program and is then terminated: memory the Go
// heap took is never given back to the browser while its instance lives.
import type { RunRequest, WorkerMessage } from "./live-protocol.ts";

/** The parts of wasm_exec.js's Go class this worker uses. */
interface GoProgram {
  argv: string[];
  env: Record<string, string>;
  exit: (code: number) => void;
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
  /** wasm_exec.js's pending setTimeout ids, by Go's own ids. */
  _scheduledTimeouts: Map<number, ReturnType<typeof setTimeout>>;
}

declare const Go: new () => GoProgram;
/** wasm_exec.js's stand-in file system; the runtime writes stdout and stderr through writeSync. */
declare const fs: { writeSync(fd: number, buf: Uint8Array): number };

const post = (message: WorkerMessage): void => {
  postMessage(message);
};

/**
 * Cuts one stream's bytes into whole lines. The runtime writes a gctrace line in many small
 * pieces (a number, a unit, a separator); a line is posted once its newline has come.
 */
class Lines {
  readonly #decoder = new TextDecoder();
  #pending = "";

  push(bytes: Uint8Array): string[] {
    // The bytes are a view of Go's memory, valid only during the write: decode them now.
    this.#pending += this.#decoder.decode(bytes, { stream: true });
    const end = this.#pending.lastIndexOf("\n");
    if (end === -1) return [];
    const lines = this.#pending.slice(0, end).split("\n");
    this.#pending = this.#pending.slice(end + 1);
    return lines;
  }

  flush(): string[] {
    const rest = this.#pending + this.#decoder.decode();
    this.#pending = "";
    return rest === "" ? [] : [rest];
  }
}

const stdout = new Lines();
const stderr = new Lines();

function flush(): void {
  for (const [stream, lines] of [
    ["stdout", stdout.flush()],
    ["stderr", stderr.flush()],
  ] as const) {
    if (lines.length > 0) post({ type: "lines", stream, lines });
  }
}

// Go runs on this thread and only yields at its own timers, so the worker's event loop cannot
// deliver anything meanwhile: lines are posted from inside the write itself.
fs.writeSync = (fd: number, buf: Uint8Array): number => {
  const stream = fd === 1 ? "stdout" : "stderr";
  const lines = (fd === 1 ? stdout : stderr).push(buf);
  if (lines.length > 0) post({ type: "lines", stream, lines });
  return buf.length;
};

addEventListener("message", (event: MessageEvent<RunRequest>) => {
  const { module, argv, env } = event.data;
  const go = new Go();
  go.argv = argv;
  go.env = env;
  let memory: WebAssembly.Memory | null = null;
  go.exit = (code: number) => {
    // wasm_exec.js keeps the timers of a program that has exited, and they throw when they fire
    // ("Go program has already exited"): clear them.
    for (const timer of go._scheduledTimeouts.values()) clearTimeout(timer);
    go._scheduledTimeouts.clear();
    flush();
    post({ type: "exit", code, memoryBytes: memory?.buffer.byteLength ?? 0 });
  };
  WebAssembly.instantiate(module, go.importObject)
    .then((instance) => {
      const mem = instance.exports["mem"];
      if (mem instanceof WebAssembly.Memory) memory = mem;
      return go.run(instance);
    })
    .catch((error: unknown) => {
      flush();
      post({ type: "failed", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    });
});

post({ type: "ready" });
