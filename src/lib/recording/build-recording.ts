import { hasCurrentWaitReason, stateFromGStatus, stateFromTraceState } from "./goroutine-state.ts";
import { ownerOf } from "./goroutine-owner.ts";
import { LineSplitter } from "../parse/line-splitter.ts";
import { parseSplitLine } from "../parse/log-parser.ts";
import type { ParseContext } from "../parse/parse-line.ts";
import { markLeaked } from "./leaked.ts";
import { parseLeakProfile } from "./parse-leak-profile.ts";
import { parseJsonLines, readMetricsSample, readTransition, type Frame, type Transition } from "./recorder-records.ts";
import { parseMeta } from "./recording-meta.ts";
import type {
  GcEvent,
  Goroutine,
  GoroutineInterval,
  HeapSample,
  LogLine,
  Recording,
  RecordingInput,
  RecordingIssue,
  SchedSnapshot,
} from "./recording.ts";
import type { GcRecord, TraceRecord } from "../parse/trace-records.ts";
import { waitSpans } from "./wait-spans.ts";

/**
 * Builds the {@link Recording} of one recorder folder from its files' texts. Pure and
 * deterministic: the same texts give the same recording. Unreadable lines become `issues`.
 */
export function buildRecording(input: RecordingInput): Recording {
  const meta = parseMeta(input.meta);
  const issues: RecordingIssue[] = [];

  const { log, gcs, snapshots } = readLog(input.stderr, issues);

  const metricsRead = parseJsonLines(input.metrics ?? "", readMetricsSample);
  for (const i of metricsRead.issues) issues.push({ file: "metrics", ...i });
  const metrics: HeapSample[] = metricsRead.records
    .map((s) => ({
      t: s.tMs / 1000,
      liveBytes: s.heapLiveBytes,
      goalBytes: s.heapGoalBytes,
      objects: s.heapObjects,
      objectsBytes: s.heapObjectsBytes,
      goroutines: s.goroutines,
      running: s.goroutinesRunning,
      runnable: s.goroutinesRunnable,
      waiting: s.goroutinesWaiting,
      notInGo: s.goroutinesNotInGo,
    }))
    .sort((a, b) => a.t - b.t);

  const transitionsRead = parseJsonLines(input.transitions ?? "", readTransition);
  for (const i of transitionsRead.issues) issues.push({ file: "transitions", ...i });
  const transitions = transitionsRead.records;

  let leakProfile = null;
  if (input.leakProfile !== undefined && input.leakProfile.trim() !== "") {
    leakProfile = parseLeakProfile(input.leakProfile);
    if (leakProfile === null) {
      issues.push({
        file: "leakProfile",
        line: 1,
        reason: "not-leak-profile",
        text: input.leakProfile.split("\n")[0] ?? "",
        message: "not a goroutine leak profile",
      });
    } else {
      for (const i of leakProfile.issues) issues.push({ file: "leakProfile", ...i });
    }
  }

  const end = Math.max(
    0,
    log.at(-1)?.at ?? 0,
    ...gcs.map((g) => g.end),
    metrics.at(-1)?.t ?? 0,
    ...transitions.map((tr) => tr.tMs / 1000),
  );

  const goroutines = buildGoroutines(snapshots, transitions, end, new Set(meta.probeGoroutines));
  markLeaked(goroutines, snapshots, gcs);

  return {
    goVersion: meta.goVersion,
    meta: meta.raw,
    end,
    gcs,
    metrics,
    snapshots,
    goroutines,
    waits: waitSpans(transitions),
    log,
    leakProfile,
    issues,
  };
}

/** The stderr lines with their records; the model keeps each line's text for the log view. */
function* timedRecords(stderr: string): Generator<{ record: TraceRecord; text: string }> {
  const splitter = new LineSplitter();
  const context: ParseContext = { schedTMs: null };
  for (const l of [...splitter.push(stderr), ...splitter.end()]) {
    yield { record: parseSplitLine(l, context), text: l.text };
  }
}

function readLog(stderr: string, issues: RecordingIssue[]) {
  const log: LogLine[] = [];
  const gcs: GcEvent[] = [];
  const snapshots: SchedSnapshot[] = [];
  let current: SchedSnapshot | null = null;
  let t = 0;
  let at = 0;
  let periodicPending = false;
  for (const { record: r, text } of timedRecords(stderr)) {
    switch (r.kind) {
      case "gc":
        t = r.t;
        gcs.push(gcEvent(r, periodicPending));
        periodicPending = false;
        current = null;
        break;
      case "gc-forced":
        periodicPending = true;
        current = null;
        break;
      case "sched":
        t = r.tMs / 1000;
        current = { t, sched: r, detailed: r.gcwaiting !== null, ps: [], ms: [], gs: [] };
        snapshots.push(current);
        break;
      case "p":
        current?.ps.push(r);
        break;
      case "m":
        current?.ms.push(r);
        break;
      case "g":
        current?.gs.push(r);
        break;
      case "other":
        break;
      case "error":
        issues.push({ file: "stderr", line: r.line, reason: r.reason, text: r.text, message: r.message });
        break;
      case "scav":
        break;
    }
    if (at < t) at = t;
    log.push({ line: r.line, kind: r.kind, text, t, at });
  }
  return { log, gcs, snapshots };
}

function gcEvent(r: GcRecord, periodic: boolean): GcEvent {
  const [sweepTerm, mark, markTerm] = r.clockMs;
  return {
    t: r.t,
    end: r.t + (sweepTerm + mark + markTerm) / 1000,
    n: r.n,
    line: r.line,
    forced: r.forced,
    periodic,
    leakCheck: r.leakCheck,
    heapStartMB: r.heapMB[0],
    heapEndMB: r.heapMB[1],
    liveMB: r.heapMB[2],
    goalMB: r.goalMB,
    stacksMB: r.stacksMB,
    globalsMB: r.globalsMB,
    procs: r.procs,
    cpuPercent: r.cpuPercent,
    pauseMs: sweepTerm + markTerm,
  };
}

function buildGoroutines(
  snapshots: SchedSnapshot[],
  transitions: Transition[],
  end: number,
  probeIds: ReadonlySet<number>,
): Goroutine[] {
  const fromSnapshots = intervalsFromSnapshots(snapshots, end);
  const fromTransitions = intervalsFromTransitions(transitions, end);
  const frames = new Map<number, Frame[]>();
  for (const tr of transitions) {
    if (tr.frame === null) continue;
    const list = frames.get(tr.g);
    if (list === undefined) frames.set(tr.g, [tr.frame]);
    else if (list.length < 16) list.push(tr.frame);
  }
  const waitReasons = new Map<number, Set<string>>();
  for (const s of snapshots) {
    for (const g of s.gs) {
      if (!hasCurrentWaitReason(stateFromGStatus(g.status))) continue;
      let set = waitReasons.get(g.id);
      if (set === undefined) waitReasons.set(g.id, (set = new Set()));
      set.add(g.waitReason);
    }
  }
  const ids = [...new Set([...fromSnapshots.keys(), ...fromTransitions.keys()])].sort((a, b) => a - b);
  // Trace states of goroutines already blocked when tracing began carry no reason; scheddetail saw it.
  for (const [id, intervals] of fromTransitions) {
    const sampled = fromSnapshots.get(id) ?? [];
    for (const iv of intervals) {
      if (iv.state !== "waiting" || iv.waitReason !== "") continue;
      const seen = sampled.find((s) => s.waitReason !== "" && s.from < iv.to && s.to > iv.from);
      if (seen !== undefined) iv.waitReason = seen.waitReason;
    }
  }
  return ids.map((id) => ({
    id,
    owner: ownerOf({
      id,
      frames: frames.get(id) ?? [],
      waitReasons: [...(waitReasons.get(id) ?? [])],
      probeIds,
      framesAreProgramFrames: fromTransitions.has(id),
    }),
    // The execution trace sees every transition; scheddetail only samples every X ms.
    intervals: fromTransitions.get(id) ?? fromSnapshots.get(id) ?? [],
  }));
}

function intervalsFromSnapshots(snapshots: SchedSnapshot[], end: number): Map<number, GoroutineInterval[]> {
  const out = new Map<number, GoroutineInterval[]>();
  const open = new Map<number, GoroutineInterval>();
  for (const s of snapshots) {
    if (!s.detailed) continue;
    const seen = new Set<number>();
    for (const g of s.gs) {
      seen.add(g.id);
      const state = stateFromGStatus(g.status);
      const waitReason = hasCurrentWaitReason(state) ? g.waitReason : "";
      const prev = open.get(g.id);
      if (prev?.state === state && prev.waitReason === waitReason && prev.status === g.status) continue;
      if (prev !== undefined) prev.to = s.t;
      const next: GoroutineInterval = {
        from: s.t,
        to: end,
        state,
        waitReason,
        status: g.status,
        source: "scheddetail",
      };
      open.set(g.id, next);
      const list = out.get(g.id);
      if (list === undefined) out.set(g.id, [next]);
      else list.push(next);
    }
    for (const [id, interval] of open) {
      if (!seen.has(id)) {
        interval.to = s.t;
        open.delete(id);
      }
    }
  }
  return out;
}

function intervalsFromTransitions(transitions: Transition[], end: number): Map<number, GoroutineInterval[]> {
  const byG = new Map<number, Transition[]>();
  for (const tr of transitions) {
    const list = byG.get(tr.g);
    if (list === undefined) byG.set(tr.g, [tr]);
    else list.push(tr);
  }
  const out = new Map<number, GoroutineInterval[]>();
  for (const [id, list] of byG) {
    // Stable sort: transitions written at the same ms keep their file order.
    list.sort((a, b) => a.tMs - b.tMs);
    const intervals: GoroutineInterval[] = [];
    let current: GoroutineInterval | null = null;
    for (const tr of list) {
      const t = tr.tMs / 1000;
      const state = stateFromTraceState(tr.to);
      const waitReason = state === "waiting" ? tr.reason : "";
      // Trace generation boundaries restate a goroutine's state (Undetermined -> X): not a change.
      if (
        current !== null &&
        current.state === state &&
        (tr.from === "Undetermined" || current.waitReason === waitReason)
      )
        continue;
      if (current !== null) current.to = t;
      current = null;
      if (tr.to === "NotExist") continue;
      current = { from: t, to: end, state, waitReason, status: null, source: "transitions" };
      intervals.push(current);
    }
    // Drop zero-length stretches (several transitions in one ms) so lanes show what lasted.
    const kept = intervals.filter((iv, i) => iv.to > iv.from || i === intervals.length - 1);
    if (kept.length > 0) out.set(id, kept);
  }
  return out;
}
