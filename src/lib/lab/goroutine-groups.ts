import type { Frame, GoroutineGroupRecord, GoroutineRecord } from "../parse/trace-records.ts";

/** How many frames of a group's stack a summary keeps. */
export const MAX_FRAMES = 32;
/** How many goroutine ids of a group a summary keeps. */
const MAX_IDS = 5;

// The top directories of Go's standard library (GOROOT/src), for telling the program's own frames
// from the runtime's and the library's: a goroutine is best named by the first frame of its own.
const STD = new Set(
  (
    "archive bufio builtin bytes cmp compress container context crypto database debug embed encoding errors " +
    "expvar flag fmt go hash html image index internal io iter log maps math mime net os path plugin reflect " +
    "regexp runtime slices sort strconv strings structs sync syscall testing text time unicode unique unsafe " +
    "vendor weak"
  ).split(" "),
);

/** True for a frame of the standard library or the runtime (by the package path of its function). */
export function isStdFrame(frame: Frame): boolean {
  const slash = frame.func.indexOf("/");
  const dot = frame.func.indexOf(".");
  const first = slash !== -1 && (dot === -1 || slash < dot) ? frame.func.slice(0, slash) : frame.func.slice(0, dot);
  return STD.has(first) && first !== "main";
}

/** Where a stack is best named: its first frame outside the standard library, else its first frame. */
export function whereOf(frames: readonly Frame[]): Frame | null {
  return frames.find((f) => !isStdFrame(f)) ?? frames[0] ?? null;
}

/** Goroutines that share a state and a stack, in one dump or profile. */
export interface GoroutineGroup {
  /** The state and the stack, as one string: the same in two dumps means the same group. */
  key: string;
  /** The state as printed (`chan receive`); null for a debug=1 profile, which prints none. */
  state: string | null;
  count: number;
  /** How many of them the runtime marked leaked (all, in a goroutine leak profile). */
  leaked: number;
  lockedToThread: number;
  /** The longest wait printed (`, N minutes`), null when none was. */
  longestWaitMinutes: number | null;
  /** The frame that names the group: see {@link whereOf}. */
  where: Frame | null;
  /** The stack, innermost first, cut to {@link MAX_FRAMES}. */
  frames: Frame[];
  framesElided: boolean;
  /** Where the first of them was started (`created by`), and by which goroutine. */
  createdBy: Frame | null;
  creator: number | null;
  /** A few of their ids. */
  ids: number[];
}

const frameText = (f: Frame): string => `${f.func} ${f.file}:${f.line}`;

/** The group key of a state and a stack. */
export function groupKey(state: string | null, frames: readonly Frame[]): string {
  return `${state ?? ""}|${frames.map(frameText).join(";")}`;
}

/** A new group for a goroutine of a dump. */
export function goroutineGroup(r: GoroutineRecord): GoroutineGroup {
  return {
    key: groupKey(r.state, r.frames),
    state: r.state,
    count: 0,
    leaked: 0,
    lockedToThread: 0,
    longestWaitMinutes: null,
    where: whereOf(r.frames),
    frames: r.frames.slice(0, MAX_FRAMES),
    framesElided: r.framesElided || r.frames.length > MAX_FRAMES,
    createdBy: r.createdBy,
    creator: r.creator,
    ids: [],
  };
}

/** Counts a goroutine into its group. */
export function addGoroutine(g: GoroutineGroup, r: GoroutineRecord): void {
  g.count++;
  if (r.leaked) g.leaked++;
  if (r.lockedToThread) g.lockedToThread++;
  if (r.waitMinutes !== null && (g.longestWaitMinutes === null || r.waitMinutes > g.longestWaitMinutes)) {
    g.longestWaitMinutes = r.waitMinutes;
  }
  if (g.ids.length < MAX_IDS) g.ids.push(r.id);
}

/** The group of a debug=1 profile's stack. */
export function profileGroup(r: GoroutineGroupRecord): GoroutineGroup {
  return {
    key: groupKey(null, r.frames),
    state: null,
    count: r.count,
    leaked: r.profile === "goroutineleak" ? r.count : 0,
    lockedToThread: 0,
    longestWaitMinutes: null,
    where: whereOf(r.frames),
    frames: r.frames.slice(0, MAX_FRAMES),
    framesElided: r.frames.length > MAX_FRAMES,
    createdBy: null,
    creator: null,
    ids: [],
  };
}
