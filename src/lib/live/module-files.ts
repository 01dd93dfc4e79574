/**
 * How the live module's files hand themselves to the page. Over http the module is fetched as it
 * is (live.wasm.gz); from file:// Chromium refuses fetch(), so the same bytes also come as a
 * classic script that leaves them, base64-encoded, in a global, and the worker's text always
 * comes that way. The build writes these scripts (src/server/live-module.ts), the page reads the
 * globals (src/client/live/module-loader.ts): both take the names from here.
 */

/** The global that the module script fills: the gzip-compressed module as base64, by its SHA-256. */
export const MODULE_GLOBAL = "__bfLiveModules";

/** The global that the worker script fills: the worker's source text, by its hash. */
export const WORKER_GLOBAL = "__bfLiveWorkers";

/** A classic script that puts `text` into `global[key]`. The JSON string cannot close a <script>. */
export function globalScript(global: string, key: string, text: string): string {
  const g = `self[${JSON.stringify(global)}]`;
  return `(${g}=${g}||{})[${JSON.stringify(key)}]=${JSON.stringify(text).replaceAll("</", "<\\/")};\n`;
}

/** What the page needs to know about the module to fetch it, check it and say what it costs. */
export interface LiveModuleInfo {
  /** Go that built it, e.g. "go1.27.3". */
  goVersion: string;
  /** SHA-256 (hex) of the uncompressed module, as meta.json states it. */
  sha256: string;
  /** The module's size uncompressed, in bytes. */
  wasmBytes: number;
  /** File names in the module folder (live/ at the site root). */
  files: { module: string; script: string; worker: string };
  /** The key of the worker's text in {@link WORKER_GLOBAL}. */
  workerKey: string;
  /** Bytes a reader downloads on the first run over http (module and worker script, as a host compresses them). */
  httpBytes: number;
  /** Bytes the page reads from its folder on the first run from file:// (base64 module and worker script). */
  fileBytes: number;
}
