import type { LiveCommand } from "../../lib/live/live-params.ts";
import type { OutputStream } from "../../lib/live/live-output.ts";
import type { LoadedModule } from "./module-loader.ts";
import type { RunRequest, WorkerMessage } from "./live-protocol.ts";

/** What a run reports as it goes. */
export interface RunHandlers {
  lines(stream: OutputStream, lines: readonly string[]): void;
  /** The program returned or died; `code` is its exit code, `memoryBytes` its WebAssembly memory at the end. */
  exit(code: number, memoryBytes: number): void;
  /** The worker could not start or the module threw. */
  failed(message: string): void;
}

/**
 * One run of the program in a Worker of its own, started from a Blob URL (a worker file by URL is
 * refused from file://), terminated when the run ends or is stopped: a fresh Go instance per run,
 * and whatever memory its heap took goes back to the browser with the worker.
 */
export class LiveRun {
  #worker: Worker | null = null;
  #done = false;

  constructor(loaded: LoadedModule, command: LiveCommand, handlers: RunHandlers) {
    const url = URL.createObjectURL(new Blob([loaded.workerSource], { type: "text/javascript" }));
    try {
      this.#worker = new Worker(url, { name: "live" });
    } catch (error) {
      URL.revokeObjectURL(url);
      this.#done = true;
      queueMicrotask(() => {
        handlers.failed(String(error));
      });
      return;
    }
    const worker = this.#worker;
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      if (this.#done) return;
      const m = event.data;
      if (m.type === "ready") {
        URL.revokeObjectURL(url);
        const request: RunRequest = { type: "run", module: loaded.module, argv: command.argv, env: command.env };
        worker.postMessage(request);
      } else if (m.type === "lines") {
        handlers.lines(m.stream, m.lines);
      } else if (m.type === "exit") {
        this.stop();
        handlers.exit(m.code, m.memoryBytes);
      } else {
        this.stop();
        handlers.failed(m.message);
      }
    });
    worker.addEventListener("error", (event) => {
      if (this.#done) return;
      URL.revokeObjectURL(url);
      this.stop();
      handlers.failed(event.message || "the worker failed");
    });
  }

  /** True until the program ended, failed or was stopped. */
  get running(): boolean {
    return !this.#done;
  }

  /** Ends the run now: the worker, and the Go program in it, are gone at once. */
  stop(): void {
    this.#done = true;
    this.#worker?.terminate();
    this.#worker = null;
  }
}
