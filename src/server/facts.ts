// Build-time only: the numbers the article's prose quotes, computed from the recordings so that
// re-recording updates the text too. Nothing here is typed in by hand.
import type { GcEvent, Recording, SchedSnapshot } from "../lib/recording/recording.ts";
import { busiestWaitLine } from "../lib/recording/wait-spans.ts";
import type { OutputLine } from "../lib/recording/output-line.ts";
import { loadRecording, programSource, recordedVersions, recordingFile, type ProgramName } from "./traces.ts";

/** What the prose says about one program's recording. */
export interface ProgramFacts {
  program: ProgramName;
  goVersion: string;
  recording: Recording;
  /** The program's own forced GCs (runtime.GC() calls), without the recorder's final leak check. */
  forcedGcs: GcEvent[];
  /** The program's last forced GC (its last runtime.GC() call), if any. */
  lastForcedGc: GcEvent | null;
  /** GCs the runtime started by itself (no `(forced)`), in order. */
  automaticGcs: GcEvent[];
  /** The final leak-detection cycle the recorder ran after main returned, if any. */
  leakCheckGc: GcEvent | null;
  /** Live heap (MB, as gctrace prints it) at the first and last of the program's forced GCs. */
  firstLiveMB: number;
  lastLiveMB: number;
  /** The first forced GC whose live heap fell under half of the first one, if any. */
  dropGc: GcEvent | null;
  /** Where the program's goroutines waited longest, and how many waited there. */
  blockLine: number | null;
  blockedGoroutines: number;
  /** Leaked goroutines reported by the goroutine leak profile (null: no profile recorded). */
  leakedByProfile: number | null;
  /** The program's goroutines other than main, i.e. those it started. */
  started: number;
}

function forcedOf(recording: Recording): { forced: GcEvent[]; leakCheck: GcEvent | null } {
  const forced = recording.gcs.filter((g) => g.forced && !g.leakCheck);
  const leakCheck = recording.gcs.find((g) => g.leakCheck) ?? null;
  return { forced, leakCheck };
}

const cache = new Map<string, ProgramFacts>();

/** The facts of a program's recording (newest Go unless one is named). */
export function programFacts(program: ProgramName, goVersion?: string): ProgramFacts {
  const version = goVersion ?? recordedVersions(program)[0] ?? "";
  const key = `${program}/${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const recording = loadRecording(program, version);
  const { forced, leakCheck } = forcedOf(recording);
  const first = forced[0]?.liveMB ?? 0;
  const busiest = busiestWaitLine(recording.waits, recording.end);
  const facts: ProgramFacts = {
    program,
    goVersion: version,
    recording,
    forcedGcs: forced,
    lastForcedGc: forced.at(-1) ?? null,
    automaticGcs: recording.gcs.filter((g) => !g.forced),
    leakCheckGc: leakCheck,
    firstLiveMB: first,
    lastLiveMB: forced.at(-1)?.liveMB ?? 0,
    dropGc: forced.find((g) => g.liveMB < first / 2) ?? null,
    blockLine: busiest?.line ?? null,
    blockedGoroutines: busiest?.goroutines ?? 0,
    leakedByProfile: recording.leakProfile?.total ?? null,
    started: recording.goroutines.filter((g) => g.owner === "user" && g.id !== 1).length,
  };
  cache.set(key, facts);
  return facts;
}

/** MiB of buffers the leak's collectors hold: how many it starts × the buffer its source makes. */
export function leakBuffersMiB(): number {
  const buffer = /make\(\[\]byte, 0, (\d+)<<20\)/.exec(programSource("leak"));
  if (!buffer) throw new Error("recorder/programs/leak/main.go: no make([]byte, 0, N<<20) buffer");
  return programFacts("leak").started * Number(buffer[1]);
}

/** The stderr lines of a recording, numbered, optionally only those of some kinds. */
export function stderrLines(program: ProgramName, goVersion: string, keep?: (kind: string) => boolean): OutputLine[] {
  const recording = loadRecording(program, goVersion);
  return recording.log.filter((l) => keep === undefined || keep(l.kind)).map((l) => ({ n: l.line, text: l.text }));
}

/**
 * One whole scheddetail block (the SCHED line and every P, M and G line under it): the detailed
 * snapshot nearest to `t` seconds, as printed.
 */
export function schedBlock(
  program: ProgramName,
  goVersion: string,
  t: number,
): { snapshot: SchedSnapshot; lines: OutputLine[] } {
  const recording = loadRecording(program, goVersion);
  const detailed = recording.snapshots.filter((s) => s.detailed);
  const snapshot = detailed.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best));
  const start = snapshot.sched.line;
  const end = Math.max(
    start,
    ...snapshot.ps.map((p) => p.line),
    ...snapshot.ms.map((m) => m.line),
    ...snapshot.gs.map((g) => g.line),
  );
  const lines = recording.log.filter((l) => l.line >= start && l.line <= end).map((l) => ({ n: l.line, text: l.text }));
  return { snapshot, lines };
}

/** The program's goroutines in a snapshot that wait with a given reason (status 4). */
export function waitingUserGoroutines(recording: Recording, snapshot: SchedSnapshot, reason: string): number[] {
  const owners = new Map(recording.goroutines.map((g) => [g.id, g.owner]));
  return snapshot.gs
    .filter((g) => (g.status & ~0x1000) === 4 && g.waitReason === reason && owners.get(g.id) === "user")
    .map((g) => g.id);
}

/** What the time.Tick part quotes: the two Go versions, growth per loop round, the forced gc lines. */
export function tickFacts(): {
  oldest: string;
  newest: string;
  perRound: number;
  /** The tick program's facts under the oldest and the newest Go recorded. */
  then: ProgramFacts;
  now: ProgramFacts;
  forcedLines: (goVersion: string) => OutputLine[];
  /** The most timers the Ps' timer heaps held together in one scheddetail snapshot (sum of timerslen). */
  timers: (goVersion: string) => number;
} {
  const versions = recordedVersions("tick");
  const newest = versions[0] ?? "";
  const oldest = versions.at(-1) ?? "";
  const then = programFacts("tick", oldest);
  // Growth per round of the loop, from the first to the last forced GC of the old runtime.
  const perRound = then.forcedGcs.length > 1 ? (then.lastLiveMB - then.firstLiveMB) / (then.forcedGcs.length - 1) : 0;
  const forcedLines = (goVersion: string): OutputLine[] => {
    const wanted = new Set(programFacts("tick", goVersion).forcedGcs.map((g) => g.line));
    return stderrLines("tick", goVersion).filter((l) => wanted.has(l.n));
  };
  const timers = (goVersion: string): number =>
    Math.max(
      0,
      ...loadRecording("tick", goVersion)
        .snapshots.filter((snap) => snap.detailed)
        .map((snap) => snap.ps.reduce((sum, p) => sum + (p.timerslen ?? 0), 0)),
    );
  return { oldest, newest, then, now: programFacts("tick", newest), perRound, forcedLines, timers };
}

/** What the leak-profile part quotes: the leak's profile text and the fixes' counts. */
export function leakProfileFacts(): {
  leak: ProgramFacts;
  fixes: ProgramFacts[];
  lines: OutputLine[];
  frame: { func: string; file: string; line: number } | null;
  /** What the profile reported leaked for each fix. */
  counts: (number | null)[];
  /** The leak's leak-check GC (null when the recording has none). */
  check: GcEvent | null;
} {
  const leak = programFacts("leak");
  const fixes = (["fix-timeout", "fix-close", "fix-context"] as const).map((p) => programFacts(p));
  const lines = recordingFile("leak", leak.goVersion, "leak-profile.txt")
    .replace(/\n$/, "")
    .split("\n")
    .map((text, i) => ({ n: i + 1, text }));
  const frame = leak.recording.leakProfile?.stacks[0]?.frames[0] ?? null;
  return { leak, fixes, lines, frame, counts: fixes.map((f) => f.leakedByProfile), check: leak.leakCheckGc };
}

/** What the gctrace part quotes, the same in both languages. */
export function gctracePartFacts() {
  const leak = programFacts("leak");
  const gcLines = stderrLines("leak", leak.goVersion, (k) => k === "gc");
  const example = leak.forcedGcs[0];
  return {
    leak,
    gcLines,
    total: leak.recording.log.length,
    example,
    exampleText: leak.recording.log.find((l) => l.line === example?.line)?.text ?? "",
    triple: example ? `${String(example.heapStartMB)}->${String(example.heapEndMB)}->${String(example.liveMB)} MB` : "",
    checked: leak.leakCheckGc,
    tag: leak.goVersion,
    lastForced: leak.lastForcedGc,
    // Did every forced GC print the same three heap numbers?
    sameEveryTime: leak.forcedGcs.every(
      (g) => g.heapStartMB === example?.heapStartMB && g.heapEndMB === example.heapEndMB && g.liveMB === example.liveMB,
    ),
    // Of the live heap at the forced GCs, the collectors' buffers and what is left over (the
    // recorder's, as the fixes show: their heaps come down to the same amount).
    buffersMiB: leakBuffersMiB(),
    extraMB: leak.firstLiveMB - leakBuffersMiB(),
    fixesLastLiveMB: (["fix-timeout", "fix-close", "fix-context"] as const).map((p) => programFacts(p).lastLiveMB),
  };
}

/** What the schedtrace part quotes from the scheddetail block nearest 3 s of the leak's run. */
export function schedtracePartFacts() {
  const leak = programFacts("leak");
  const { snapshot, lines } = schedBlock("leak", leak.goVersion, 3);
  const owners = new Map(leak.recording.goroutines.map((g) => [g.id, g.owner]));
  const blockedIds = waitingUserGoroutines(leak.recording, snapshot, "chan receive");
  const firstCollector = snapshot.gs.find((g) => g.id === blockedIds[0]);
  const ids = (keep: (g: (typeof snapshot.gs)[number]) => boolean): string[] =>
    snapshot.gs.filter(keep).map((g) => `G${String(g.id)}`);
  return {
    leak,
    snapshot,
    lines,
    blocked: blockedIds.map((id) => `G${String(id)}`),
    runtimeReasons: [
      ...new Set(
        snapshot.gs.filter((g) => owners.get(g.id) === "runtime" && g.waitReason !== "").map((g) => g.waitReason),
      ),
    ],
    probeIds: ids((g) => owners.get(g.id) === "probe"),
    // The recorder's goroutines that wait in "chan receive" like the collectors (they look like a leak).
    probeLookalikes: ids((g) => owners.get(g.id) === "probe" && g.waitReason === "chan receive"),
    main: snapshot.gs.find((g) => g.id === 1),
    tag: leak.goVersion,
    // One line of each kind for the field tables: SCHED, the first P, the first M, the first collector.
    fieldLines: [snapshot.sched.line, snapshot.ps[0]?.line, snapshot.ms[0]?.line, firstCollector?.line]
      .map((n) => lines.find((l) => l.n === n))
      .filter((l) => l !== undefined),
  };
}

/**
 * How scheddetail's text differs between the oldest and newest Go we recorded, shown by the first
 * detailed snapshot of each: `key=value` as printed (null where a version does not print the key).
 */
export function schedVersionFacts(): {
  oldest: string;
  newest: string;
  pieces: Record<"missing" | "needspinning" | "gcwaiting" | "sysmonwait", [string | null, string | null]>;
} {
  const versions = recordedVersions("tick");
  const newest = versions[0] ?? "";
  const oldest = versions.at(-1) ?? "";
  const firstBlock = (program: ProgramName, v: string): string[] => {
    const s = loadRecording(program, v).snapshots.find((snap) => snap.detailed && snap.ps.some((p) => p.m === null));
    if (!s) throw new Error(`traces/${program}/${v}: no scheddetail block with an idle P`);
    const idle = s.ps.find((p) => p.m === null);
    const log = loadRecording(program, v).log;
    return [s.sched.line, idle?.line].map((n) => log.find((l) => l.line === n)?.text ?? "");
  };
  const token = (text: string | undefined, key: string): string | null =>
    new RegExp(`(?:^|\\s)(${key}=\\S*)`).exec(text ?? "")?.[1] ?? null;
  const [oldSched, oldP] = firstBlock("tick", oldest);
  const [newSched, newP] = firstBlock("leak", newest);
  const both = (key: string, a: string | undefined, b: string | undefined): [string | null, string | null] => [
    token(a, key),
    token(b, key),
  ];
  return {
    oldest,
    newest,
    pieces: {
      missing: both("m", oldP, newP),
      needspinning: both("needspinning", oldSched, newSched),
      gcwaiting: both("gcwaiting", oldSched, newSched),
      sysmonwait: both("sysmonwait", oldSched, newSched),
    },
  };
}

/** What the fix part quotes: the three fixes against the leak. */
export function fixPartFacts() {
  const leak = programFacts("leak");
  const timeout = programFacts("fix-timeout");
  const close = programFacts("fix-close");
  const context = programFacts("fix-context");
  const fixes = [timeout, close, context];
  const closeNext = close.forcedGcs[close.forcedGcs.findIndex((g) => g === close.dropGc) + 1];
  const timeoutNext = timeout.forcedGcs[timeout.forcedGcs.findIndex((g) => g === timeout.dropGc) + 1];
  return {
    leak,
    timeout,
    close,
    context,
    fixes,
    lastMB: fixes.map((f) => f.lastLiveMB),
    lastN: fixes.map((f) => f.lastForcedGc?.n),
    closeNext,
    timeoutNext,
    // Did the forced GC right after the close still find collectors that had not returned yet?
    closeLagged: close.dropGc !== null && closeNext !== undefined && closeNext.liveMB < close.dropGc.liveMB,
    // What the fixes keep at their last forced GC, when it is the same for all three and equals the
    // leak's heap over its buffers: the recorder's share (see the methods part), else null.
    recorderMB: fixes.every((f) => f.lastLiveMB === leak.firstLiveMB - leakBuffersMiB())
      ? leak.firstLiveMB - leakBuffersMiB()
      : null,
  };
}
