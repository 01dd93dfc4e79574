import type { LabSummary } from "../../lib/lab/lab-summary.ts";
import {
  analyseSource,
  exportSource,
  ReadCancelled,
  type ExportFormat,
  type LabSource,
  type ReadProgress,
} from "../../lib/lab/read-source.ts";
import type { LabJob, LabRequest, LabResponse } from "./lab-protocol.ts";

/** Runs the lab's parsing somewhere: in a worker, or on the main thread in small steps. */
export interface LabRunner {
  /** Reads a source into a summary: of every run, or of one (`run`, 1-based). */
  analyse(source: LabSource, onProgress: (p: ReadProgress) => void, run?: number | null): Promise<LabSummary>;
  export(source: LabSource, format: ExportFormat, onProgress: (p: ReadProgress) => void): Promise<Blob>;
  /** Stops the running job; its promise rejects with {@link ReadCancelled}. */
  cancel(): void;
}

/** Thrown when no worker could be started (blocked by policy, or a browser without workers). */
export class WorkerUnavailable extends Error {}

const READY_TIMEOUT_MS = 5000;

interface Pending {
  id: number;
  resolve: (value: LabResponse) => void;
  reject: (error: unknown) => void;
  onProgress: (p: ReadProgress) => void;
}

/**
 * Parses in a Web Worker started from a Blob URL of the worker's bundled source (Chromium refuses
 * a worker script loaded by URL from a file:// page; a Blob URL works there too). Cancelling
 * terminates the worker (the surest way to stop it at once, mid-chunk); the next job starts a
 * fresh one.
 */
export class WorkerRunner implements LabRunner {
  readonly #source: string;
  #worker: Worker | null = null;
  #ready: Promise<Worker> | null = null;
  #pending: Pending | null = null;
  #nextId = 1;

  /** `source` is the worker's classic-script bundle (lab-worker.ts). */
  constructor(source: string) {
    this.#source = source;
  }

  /** Starts a worker and waits for its first message; rejects with WorkerUnavailable if it cannot. */
  start(): Promise<Worker> {
    this.#ready ??= new Promise<Worker>((resolve, reject) => {
      let worker: Worker;
      let url = "";
      try {
        if (this.#source === "") throw new Error("no worker source in the page");
        url = URL.createObjectURL(new Blob([this.#source], { type: "text/javascript" }));
        worker = new Worker(url, { name: "lab" });
      } catch (error) {
        if (url !== "") URL.revokeObjectURL(url);
        reject(new WorkerUnavailable(String(error)));
        return;
      }
      const timer = setTimeout(() => {
        fail("the worker did not start");
      }, READY_TIMEOUT_MS);
      const fail = (why: string): void => {
        clearTimeout(timer);
        URL.revokeObjectURL(url);
        worker.terminate();
        this.#ready = null;
        reject(new WorkerUnavailable(why));
      };
      worker.addEventListener("error", () => {
        fail("the worker failed to load");
      });
      worker.addEventListener("message", (event: MessageEvent<LabResponse>) => {
        const message = event.data;
        if (message.type === "ready") {
          clearTimeout(timer);
          URL.revokeObjectURL(url);
          this.#worker = worker;
          resolve(worker);
          return;
        }
        this.#receive(message);
      });
    });
    return this.#ready;
  }

  #receive(message: LabResponse): void {
    const p = this.#pending;
    if (p === null || message.type === "ready" || message.id !== p.id) return;
    if (message.type === "progress") {
      p.onProgress(message.progress);
      return;
    }
    this.#pending = null;
    if (message.type === "failed") p.reject(new Error(message.message));
    else p.resolve(message);
  }

  async #run(job: LabJob, onProgress: (p: ReadProgress) => void): Promise<LabResponse> {
    const worker = await this.start();
    const id = this.#nextId++;
    return new Promise<LabResponse>((resolve, reject) => {
      this.#pending = { id, resolve, reject, onProgress };
      const request: LabRequest = { ...job, id };
      worker.postMessage(request);
    });
  }

  async analyse(
    source: LabSource,
    onProgress: (p: ReadProgress) => void,
    run: number | null = null,
  ): Promise<LabSummary> {
    const answer = await this.#run({ type: "analyse", source, run }, onProgress);
    if (answer.type !== "summary") throw new Error(`unexpected answer ${answer.type}`);
    return answer.summary;
  }

  async export(source: LabSource, format: ExportFormat, onProgress: (p: ReadProgress) => void): Promise<Blob> {
    const answer = await this.#run({ type: "export", source, format }, onProgress);
    if (answer.type !== "exported") throw new Error(`unexpected answer ${answer.type}`);
    return answer.blob;
  }

  cancel(): void {
    const p = this.#pending;
    this.#pending = null;
    if (this.#worker !== null) {
      this.#worker.terminate();
      this.#worker = null;
      this.#ready = null;
    }
    p?.reject(new ReadCancelled());
  }
}

/**
 * The fallback: parses on the main thread in 256 KiB steps, yielding to the page between steps
 * so that input and painting go on, only slower than in a worker.
 */
export class MainThreadRunner implements LabRunner {
  #cancelled = false;

  #options(onProgress: (p: ReadProgress) => void, run: number | null = null): Parameters<typeof analyseSource>[1] {
    this.#cancelled = false;
    return {
      onProgress,
      run,
      chunkSize: 1 << 18,
      pause: () =>
        new Promise<void>((resolve) => {
          setTimeout(resolve, 0);
        }),
      cancelled: () => this.#cancelled,
    };
  }

  analyse(source: LabSource, onProgress: (p: ReadProgress) => void, run: number | null = null): Promise<LabSummary> {
    return analyseSource(source, this.#options(onProgress, run));
  }

  export(source: LabSource, format: ExportFormat, onProgress: (p: ReadProgress) => void): Promise<Blob> {
    return exportSource(source, format, this.#options(onProgress));
  }

  cancel(): void {
    this.#cancelled = true;
  }
}
