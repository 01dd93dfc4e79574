import { MODULE_GLOBAL, WORKER_GLOBAL, type LiveModuleInfo } from "../../lib/live/module-files.ts";

/** Why the module could not be had: no such file, bytes that are not the module, or a browser that cannot run it. */
export class ModuleError extends Error {
  readonly reason: "missing" | "corrupt" | "unsupported";

  constructor(reason: "missing" | "corrupt" | "unsupported", message: string) {
    super(message);
    this.reason = reason;
  }
}

/** What a run needs and what is kept between runs: the compiled module and the worker's text. */
export interface LoadedModule {
  module: WebAssembly.Module;
  workerSource: string;
}

/** Where the module's files are: a folder URL, and whether the page came from disk. */
export interface ModuleSource {
  info: LiveModuleInfo;
  /** The live/ folder, absolute (resolved from a link in the page, so subfolders work). */
  folder: URL;
}

type Globals = Record<string, Record<string, string> | undefined>;

/**
 * Adds a classic script and resolves with what it left in `global[key]`. Over file:// this is the
 * only way to read a file of the page's folder (fetch() is refused there); the CSP's script-src
 * 'self' covers it.
 */
function scriptGlobal(url: URL, global: string, key: string): Promise<string> {
  const existing = (globalThis as unknown as Globals)[global]?.[key];
  if (existing !== undefined) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url.href;
    script.addEventListener("load", () => {
      const text = (globalThis as unknown as Globals)[global]?.[key];
      script.remove();
      if (text === undefined) reject(new ModuleError("corrupt", `${url.pathname} did not carry ${key}`));
      else resolve(text);
    });
    script.addEventListener("error", () => {
      script.remove();
      reject(new ModuleError("missing", `${url.pathname} could not be loaded`));
    });
    document.head.append(script);
  });
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The module's bytes, gzip as the file holds them (or already decoded, if a host sent it with Content-Encoding). */
async function moduleBytes(src: ModuleSource): Promise<Uint8Array<ArrayBuffer>> {
  if (location.protocol === "file:") {
    const text = await scriptGlobal(new URL(src.info.files.script, src.folder), MODULE_GLOBAL, src.info.sha256);
    try {
      return fromBase64(text);
    } catch {
      throw new ModuleError("corrupt", `${src.info.files.script} is not base64`);
    }
  }
  const url = new URL(src.info.files.module, src.folder);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ModuleError("missing", `${url.pathname}: ${String(error)}`);
  }
  if (!response.ok) throw new ModuleError("missing", `${url.pathname}: HTTP ${String(response.status)}`);
  return new Uint8Array(await response.arrayBuffer());
}

const GZIP = [0x1f, 0x8b];

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
  // Hosts that send .gz files with Content-Encoding: gzip hand the page the module already decoded.
  if (bytes[0] !== GZIP[0] || bytes[1] !== GZIP[1]) return bytes.buffer;
  try {
    // The browser's own gzip decoder (it has no brotli one): no library needed.
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return await new Response(stream).arrayBuffer();
  } catch (error) {
    throw new ModuleError("corrupt", `the module does not decompress: ${String(error)}`);
  }
}

async function hex(buffer: ArrayBuffer): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (https, localhost, file://); elsewhere compile() still checks the bytes.
  if (!("subtle" in crypto)) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function load(src: ModuleSource): Promise<LoadedModule> {
  const missing = ["WebAssembly", "DecompressionStream", "Worker"].filter((name) => !(name in globalThis));
  if (missing.length > 0) throw new ModuleError("unsupported", missing.join(", "));
  const workerSource = scriptGlobal(new URL(src.info.files.worker, src.folder), WORKER_GLOBAL, src.info.workerKey);
  const wasm = await gunzip(await moduleBytes(src));
  const sum = await hex(wasm);
  if (wasm.byteLength !== src.info.wasmBytes || (sum !== null && sum !== src.info.sha256)) {
    throw new ModuleError("corrupt", `the module is not the one this page was built with (SHA-256 ${sum ?? "?"})`);
  }
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(wasm);
  } catch (error) {
    throw new ModuleError("corrupt", `the module does not compile: ${String(error)}`);
  }
  return { module, workerSource: await workerSource };
}

let loading: Promise<LoadedModule> | null = null;
let loaded = false;

/**
 * Fetches and compiles the module once per page; later runs reuse it. A failure is not kept, so
 * pressing Run again tries again.
 */
export function loadModule(src: ModuleSource): Promise<LoadedModule> {
  loading ??= load(src).then(
    (m) => {
      loaded = true;
      return m;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** True once the module has been compiled (the next run downloads nothing). */
export function moduleLoaded(): boolean {
  return loaded;
}
