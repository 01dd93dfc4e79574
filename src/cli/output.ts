import type { Writable } from "node:stream";

/** Thrown when standard output cannot take what the command writes: a full disk, a closed pipe. */
export class WriteFailed extends Error {
  readonly code: string;

  constructor(cause: unknown) {
    const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "WriteFailed";
    this.code = code;
  }
}

/** The one line the CLI prints on stderr when its output cannot be written. */
export function writeFailureLine(error: WriteFailed): string {
  const why =
    error.code === "EPIPE"
      ? "the program reading it closed the pipe (EPIPE)"
      : error.code === "ENOSPC"
        ? "no space left on the device (ENOSPC)"
        : error.code !== ""
          ? `${error.message.replace(/^[A-Z]+: /, "")} (${error.code})`
          : error.message;
  return `blocked-forever: cannot write the output: ${why}\n`;
}

/**
 * Standard output as the commands write it: text goes out with back-pressure (wait for 'drain'
 * when the stream is full), and a write that fails, now or later, throws {@link WriteFailed}
 * instead of an unhandled 'error' event. Writes to a file fail asynchronously (ENOSPC on
 * /dev/full), writes to a pipe whose reader is gone too (EPIPE).
 */
export class Output {
  readonly #stream: Writable;
  #error: unknown = null;

  constructor(stream: Writable) {
    this.#stream = stream;
    stream.on("error", (e: unknown) => {
      this.#error ??= e;
    });
  }

  /** Writes text or bytes, waiting when the stream asks to. */
  async write(data: string | Uint8Array): Promise<void> {
    this.#check();
    if (!this.#stream.write(data)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.#stream.off("drain", done);
          this.#stream.off("error", done);
          resolve();
        };
        this.#stream.on("drain", done);
        this.#stream.on("error", done);
      });
    }
    this.#check();
  }

  /** Waits until everything written so far has gone out (or failed). */
  async flush(): Promise<void> {
    this.#check();
    await new Promise<void>((resolve) => {
      this.#stream.write("", () => {
        resolve();
      });
    });
    this.#check();
  }

  #check(): void {
    if (this.#error !== null) throw new WriteFailed(this.#error);
  }
}
