// Build-time only: what the methods part says about how the recordings were made, read from the
// leak recording's meta.json, the recordings themselves and the recorder's own source.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { leakBuffersMiB, programFacts, type ProgramFacts } from "./facts.ts";
import { leakedFacts } from "./status-facts.ts";
import { PROGRAMS, programSource, recordedVersions, type ProgramName } from "./traces.ts";

/** One of the recorder's goroutines, as meta.json lists it. */
export interface ProbeGoroutine {
  id: number;
  role: string;
  entry: string;
}

/** What the methods part quotes. */
export interface MethodsFacts {
  leak: ProgramFacts;
  /** Every recording folder: program and Go versions, newest first. */
  recordings: { program: ProgramName; versions: string[] }[];
  godebug: string;
  gomaxprocs: number;
  platform: string;
  /** The probe's metrics sampling period (ms) and how many samples it took in the leak's run. */
  samplePeriodMs: number;
  samples: number;
  goroutines: ProbeGoroutine[];
  /** How long the probe keeps the process alive after the leak profile (ms, from probe.go). */
  afterLeakCheckMs: number;
  /** The SCHED times (ms) of the snapshots printed after the leak-check GC. */
  snapshotsAfterMs: number[];
  /** MiB of buffers the leak's collectors hold (collectors × the buffer size in the source). */
  buffersMiB: number;
  /** The "about N MB" the leak program's comment promises. */
  commentMB: number;
  /** The trace's own heap as the recorder measured it (meta.json's notes), for the leak's Go. */
  traceHeapMiB: number;
  /** The recorder's goroutines that are the runtime's own (started for the trace), e.g. ["G7", "G8"]. */
  runtimeOnes: string[];
  /** Live heap of each fix at its last forced GC, when the collectors had returned. */
  fixesLastLiveMB: number[];
  clock: { offsetMs: number; uncertaintyMs: number; gcs: number };
  transitions: { lines: number; restated: number; coalesced: number; belowMs: number };
  numGoroutine: { before: number; after: number };
}

type Json = Record<string, unknown>;

function at(meta: Json, path: string): unknown {
  let v: unknown = meta;
  for (const key of path.split(".")) v = typeof v === "object" && v !== null ? (v as Json)[key] : undefined;
  return v;
}

function num(meta: Json, path: string): number {
  const v = at(meta, path);
  if (typeof v !== "number") throw new Error(`traces/leak meta.json: ${path} is not a number`);
  return v;
}

function str(meta: Json, path: string): string {
  const v = at(meta, path);
  if (typeof v !== "string") throw new Error(`traces/leak meta.json: ${path} is not a string`);
  return v;
}

/** A constant of the recorder's probe, e.g. `AfterLeakCheck = 250 * time.Millisecond`, in ms. */
function probeConstantMs(name: string): number {
  const source = readFileSync(join(process.cwd(), "recorder/probe/probe.go"), "utf8");
  const m = new RegExp(`const ${name} = (\\d+) \\* time\\.Millisecond`).exec(source);
  if (!m) throw new Error(`recorder/probe/probe.go: no const ${name} in milliseconds`);
  return Number(m[1]);
}

/** The first number a pattern finds in a text, or a build error naming where it was looked for. */
function numberIn(text: string, pattern: RegExp, where: string): number {
  const m = pattern.exec(text);
  if (!m) throw new Error(`${where}: nothing matches ${String(pattern)}`);
  return Number(m[1]);
}

/** The facts of the methods part. */
export function methodsFacts(): MethodsFacts {
  const leak = programFacts("leak");
  const meta = leak.recording.meta;
  const listed = at(meta, "probe.goroutines");
  const goroutines: ProbeGoroutine[] = Array.isArray(listed)
    ? (listed as Json[]).map((g) => ({ id: num(g, "id"), role: str(g, "role"), entry: str(g, "entry") }))
    : [];
  return {
    leak,
    recordings: PROGRAMS.map((program) => ({ program, versions: recordedVersions(program) })),
    godebug: str(meta, "godebug"),
    gomaxprocs: num(meta, "gomaxprocs"),
    platform: `${str(meta, "goos")}/${str(meta, "goarch")}`,
    samplePeriodMs: num(meta, "probe.samplePeriodMs"),
    samples: num(meta, "probe.samples"),
    goroutines,
    afterLeakCheckMs: probeConstantMs("AfterLeakCheck"),
    snapshotsAfterMs: leak.recording.snapshots
      .filter((s) => s.detailed && s.t >= leakedFacts().snapshot.t)
      .map((s) => s.sched.tMs),
    buffersMiB: leakBuffersMiB(),
    commentMB: numberIn(programSource("leak"), /about (\d+) MB live/, "recorder/programs/leak/main.go"),
    traceHeapMiB: numberIn(
      JSON.stringify(at(meta, "notes") ?? ""),
      new RegExp(`about (\\d+) MiB with ${leak.goVersion.replace(/\./g, "\\.")}`),
      "traces/leak meta.json notes",
    ),
    runtimeOnes: goroutines.filter((g) => g.entry.startsWith("runtime.")).map((g) => `G${String(g.id)}`),
    fixesLastLiveMB: (["fix-timeout", "fix-close", "fix-context"] as const).map((p) => programFacts(p).lastLiveMB),
    clock: {
      offsetMs: num(meta, "clock.alignment.offsetMs"),
      uncertaintyMs: num(meta, "clock.alignment.uncertaintyMs"),
      gcs: num(meta, "clock.alignment.gcs"),
    },
    transitions: {
      lines: num(meta, "transitions.lines"),
      restated: num(meta, "transitions.restated"),
      coalesced: num(meta, "transitions.coalescedRoundTrips"),
      belowMs: num(meta, "transitions.coalesceBelowMs"),
    },
    numGoroutine: { before: num(meta, "atExit.numGoroutineBefore"), after: num(meta, "atExit.numGoroutineAfter") },
  };
}
