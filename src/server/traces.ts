// Build-time only: reads the committed recordings and the programs they were made from.
// Everything the article shows flows from here (docs/architecture.md, "Data flows one way").
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { buildRecording } from "../lib/recording/build-recording.ts";
import type { Recording } from "../lib/recording/recording.ts";

/** The repository root: npm scripts and Astro run there. */
const ROOT = process.cwd();

/** The article's programs, in the order the fix switch offers them. */
export const PROGRAMS = ["leak", "fix-timeout", "fix-close", "fix-context", "tick"] as const;

/** One of the article's programs. */
export type ProgramName = (typeof PROGRAMS)[number];

/** A recording folder: which program, which Go. */
export interface RecordingRef {
  program: ProgramName;
  goVersion: string;
}

const cache = new Map<string, Recording>();

function readIfThere(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** The Go versions a program was recorded with, newest first (from traces/<program>/). */
export function recordedVersions(program: ProgramName): string[] {
  const dir = join(ROOT, "traces", program);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => v.startsWith("go"))
    .sort((a, b) => compareGoVersions(b, a));
}

/** Orders "go1.19.8" before "go1.27.3" (numerically, not as strings). */
export function compareGoVersions(a: string, b: string): number {
  const parts = (v: string): number[] => v.replace(/^go/, "").split(".").map(Number);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The recording of a program with a Go version (the newest when none is named), parsed by the
 * same src/lib code the lab uses. Throws, naming the folder, when it is missing: the article must
 * not build without its data.
 */
export function loadRecording(program: ProgramName, goVersion?: string): Recording {
  const version = goVersion ?? recordedVersions(program)[0];
  if (version === undefined) {
    throw new Error(`No recording of ${program} in traces/${program}/: run npm run record`);
  }
  const key = `${program}/${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const dir = join(ROOT, "traces", program, version);
  const stderr = readIfThere(join(dir, "stderr.log"));
  if (stderr === undefined) throw new Error(`traces/${key}/stderr.log is missing: run npm run record`);
  const recording = buildRecording({
    stderr,
    ...optional("metrics", readIfThere(join(dir, "metrics.jsonl"))),
    ...optional("transitions", readIfThere(join(dir, "transitions.jsonl"))),
    ...optional("leakProfile", readIfThere(join(dir, "leak-profile.txt"))),
    ...optional("meta", readIfThere(join(dir, "meta.json"))),
  });
  if (recording.issues.length > 0) {
    const first = recording.issues[0];
    throw new Error(
      `traces/${key}: ${String(recording.issues.length)} unreadable lines, first ${first?.file ?? ""}:${String(first?.line ?? 0)}: ${first?.message ?? ""}`,
    );
  }
  cache.set(key, recording);
  return recording;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** A raw file of a recording, byte for byte (for output cells). */
export function recordingFile(program: ProgramName, goVersion: string, file: string): string {
  return readFileSync(join(ROOT, "traces", program, goVersion, file), "utf8");
}

/** The repository-relative path of a program's source. */
export function programPath(program: ProgramName): string {
  return `recorder/programs/${program}/main.go`;
}

/** A program's source, byte for byte as the recorder built it. */
export function programSource(program: ProgramName): string {
  return readFileSync(join(ROOT, programPath(program)), "utf8");
}
