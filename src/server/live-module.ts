// Build time only: the live program's WebAssembly module as the site serves it. Reads the folder
// that `npm run record` builds (traces/live/<go>/: live.wasm.gz, wasm_exec.js, meta.json), checks
// the module is the one meta.json describes, and makes the three files of live/ in dist
// (src/pages/live/[file].ts): the module as it is, the same bytes as a base64 classic script for
// file:// pages, the worker's text (wasm_exec.js, then src/client/live/live-worker.ts bundled
// with the site's one esbuild setup) as a classic script too, and the widget's own script.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { classicScript } from "../../build/classic-script.ts";
import { MODULE_GLOBAL, WORKER_GLOBAL, globalScript, type LiveModuleInfo } from "../lib/live/module-files.ts";
import { compareGoVersions } from "./traces.ts";

/** The module folder's meta.json, the fields the site reads (recorder/internal/live, Meta). */
interface LiveMeta {
  source: { path: string; sha256: string };
  goVersion: string;
  command: { dir: string; env: string[]; args: string[] };
  wasm: { bytes: number; sha256: string; gzipBytes: number };
}

/** Everything about the live module the build needs. */
export interface LiveModule {
  info: LiveModuleInfo;
  /** The widget's own script (src/client/live/live-cell.ts), a classic script in live/ that both languages share. */
  appFile: string;
  /** The source file, repository-relative. */
  sourcePath: string;
  /** The exact build command, as meta.json gives it (`GOTOOLCHAIN=… GOOS=js GOARCH=wasm go build …`). */
  buildCommand: string;
  /** The files of live/, by name. */
  files: Map<string, Uint8Array<ArrayBuffer> | string>;
}

const ROOT = process.cwd();
const sha256 = (b: Uint8Array | string): string => createHash("sha256").update(b).digest("hex");

/** The newest Go the module was built with: traces/live/<go>/. */
function moduleDir(): { dir: string; version: string } {
  const base = join(ROOT, "traces", "live");
  const version = existsSync(base)
    ? readdirSync(base)
        .filter((v) => v.startsWith("go"))
        .sort(compareGoVersions)
        .at(-1)
    : undefined;
  if (version === undefined) throw new Error("traces/live/ holds no module: run npm run record -- -only live");
  return { dir: join(base, version), version };
}

async function build(): Promise<LiveModule> {
  const { dir, version } = moduleDir();
  const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as LiveMeta;
  const gz = new Uint8Array(readFileSync(join(dir, "live.wasm.gz")));
  const wasm = gunzipSync(gz);
  if (sha256(wasm) !== meta.wasm.sha256 || wasm.length !== meta.wasm.bytes) {
    throw new Error(`traces/live/${version}/live.wasm.gz is not the module meta.json describes: run npm run record`);
  }
  if (sha256(readFileSync(join(ROOT, meta.source.path))) !== meta.source.sha256) {
    throw new Error(
      `${meta.source.path} changed since traces/live/${version}/ was built: run npm run record -- -only live`,
    );
  }
  const wasmExec = readFileSync(join(dir, "wasm_exec.js"), "utf8");
  const worker = `${wasmExec}\n${await classicScript({ entryPoints: [resolve("src/client/live/live-worker.ts")] })}`;
  // The widget's script is bundled here rather than by Vite: as a lazy import() beside the
  // replay's it would share chunks with it, which a classic script cannot preload (make-portable.ts).
  const app = await classicScript({ entryPoints: [resolve("src/client/live/live-cell.ts")], charset: "utf8" });
  const appFile = `app.${sha256(app).slice(0, 10)}.js`;
  const workerKey = sha256(worker).slice(0, 16);
  const short = meta.wasm.sha256.slice(0, 10);
  const names = {
    module: `live-${version}.${short}.wasm.gz`,
    script: `live-${version}.${short}.js`,
    worker: `worker-${version}.${workerKey.slice(0, 10)}.js`,
  };
  const moduleScript = globalScript(MODULE_GLOBAL, meta.wasm.sha256, Buffer.from(gz).toString("base64"));
  const workerScript = globalScript(WORKER_GLOBAL, workerKey, worker);
  const workerGzip = gzipSync(workerScript, { level: 9 }).length;
  return {
    info: {
      goVersion: version,
      sha256: meta.wasm.sha256,
      wasmBytes: meta.wasm.bytes,
      files: names,
      workerKey,
      // The module is gzip already, and hosts do not compress it again; the worker script they do.
      httpBytes: gz.length + workerGzip,
      fileBytes: Buffer.byteLength(moduleScript) + Buffer.byteLength(workerScript),
    },
    appFile,
    sourcePath: meta.source.path,
    buildCommand: [...meta.command.env, "go", ...meta.command.args.map((a) => (a.includes(" ") ? `'${a}'` : a))].join(
      " ",
    ),
    files: new Map<string, Uint8Array<ArrayBuffer> | string>([
      [names.module, gz],
      [names.script, moduleScript],
      [names.worker, workerScript],
      [appFile, app],
    ]),
  };
}

let cached: Promise<LiveModule> | null = null;

/** The live module, read and bundled once per build. Throws when the folder is missing or does not match its meta.json. */
export function liveModule(): Promise<LiveModule> {
  cached ??= build();
  return cached;
}

/** The live program's source, byte for byte as the module was built from it. */
export async function liveSource(): Promise<string> {
  return readFileSync(join(ROOT, (await liveModule()).sourcePath), "utf8");
}
