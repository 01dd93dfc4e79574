import type { GoroutineGroupRecord, GoroutineRecord } from "../parse/trace-records.ts";
import { addGoroutine, goroutineGroup, groupKey, profileGroup, type GoroutineGroup } from "./goroutine-groups.ts";

/** How many dumps a summary describes (the first ones and always the last); all are counted. */
export const MAX_DUMPS = 24;
/** How many groups of a dump a summary keeps, the biggest first; all are counted. */
export const MAX_GROUPS = 100;
/** How many distinct stacks of one dump are told apart; beyond, goroutines count in the totals only. */
const MAX_KEYS = 5000;

/** What a dump is: a goroutine dump, a traceback (of a panic, a fatal error, a signal) or a debug=1 profile. */
export type DumpKind = "dump" | "traceback" | "profile" | "leak-profile";

/** A count of goroutines in one state. */
export interface StateCount {
  state: string;
  count: number;
}

/** One goroutine dump or profile of a log. */
export interface DumpInfo {
  /** Its number in the log, from 1 (the records' `dump`). */
  dump: number;
  kind: DumpKind;
  /** Its first and last line. */
  line: number;
  endLine: number;
  /** For a traceback: the line that said why (`panic: …`, `SIGQUIT: quit`, `fatal error: …`). */
  cause: string | null;
  /** The wall-clock time of its first line, when the log had prefixes. */
  wall: string | null;
  goroutines: number;
  leaked: number;
  /** A profile's own `total` line; null for a dump. */
  total: number | null;
  /** Goroutines per state, the most first (a dump only). */
  byState: StateCount[];
  /** How many groups (state and stack) it has; the biggest {@link MAX_GROUPS} are in `groups`. */
  groupCount: number;
  groups: GoroutineGroup[];
}

/** The dumps and profiles of a log. */
export interface DumpsSummary {
  count: number;
  dumps: DumpInfo[];
}

interface OpenDump {
  info: DumpInfo;
  groups: Map<string, GoroutineGroup>;
  states: Map<string, number>;
}

/**
 * Gathers the goroutine and goroutine-group records of a log into its dumps: goroutines grouped
 * by state and stack, with counts, the longest wait and where they were started; leaked ones
 * counted. A log can hold any number of dumps: the first {@link MAX_DUMPS} − 1 and the last are
 * kept.
 */
export class DumpAnalysis {
  readonly #done: DumpInfo[] = [];
  #count = 0;
  #open: OpenDump | null = null;

  /** A goroutine of a dump; `cause` is the traceback line before the dump, if any. */
  goroutine(r: GoroutineRecord, cause: string | null): void {
    const open = this.#dump(r.dump, r.line, r.wall, cause === null ? "dump" : "traceback", cause, null);
    open.info.goroutines++;
    if (r.leaked) open.info.leaked++;
    open.info.endLine = r.endLine;
    open.states.set(r.state, (open.states.get(r.state) ?? 0) + 1);
    const key = groupKey(r.state, r.frames);
    let g = open.groups.get(key);
    if (g === undefined) {
      if (open.groups.size >= MAX_KEYS) return;
      g = goroutineGroup(r);
      open.groups.set(key, g);
    }
    addGoroutine(g, r);
  }

  /** A stack of a debug=1 profile. */
  group(r: GoroutineGroupRecord): void {
    const kind = r.profile === "goroutineleak" ? "leak-profile" : "profile";
    const open = this.#dump(r.dump, r.line, r.wall, kind, null, r.total);
    open.info.goroutines += r.count;
    if (r.profile === "goroutineleak") open.info.leaked += r.count;
    open.info.endLine = r.endLine;
    const g = profileGroup(r);
    if (!open.groups.has(g.key) && open.groups.size < MAX_KEYS) open.groups.set(g.key, g);
  }

  #dump(
    dump: number,
    line: number,
    wall: string | undefined,
    kind: DumpKind,
    cause: string | null,
    total: number | null,
  ): OpenDump {
    if (this.#open?.info.dump === dump) return this.#open;
    this.#close();
    this.#count++;
    this.#open = {
      info: {
        dump,
        kind,
        line,
        endLine: line,
        cause,
        wall: wall ?? null,
        goroutines: 0,
        leaked: 0,
        total,
        byState: [],
        groupCount: 0,
        groups: [],
      },
      groups: new Map(),
      states: new Map(),
    };
    return this.#open;
  }

  #close(): void {
    const open = this.#open;
    if (open === null) return;
    const info = open.info;
    info.byState = [...open.states]
      .map(([state, count]) => ({ state, count }))
      .sort((a, b) => b.count - a.count || a.state.localeCompare(b.state));
    info.groupCount = open.groups.size;
    info.groups = [...open.groups.values()].sort(byCount).slice(0, MAX_GROUPS);
    // Keep the first ones and the latest: the one before the latest makes room.
    if (this.#done.length >= MAX_DUMPS) this.#done.splice(this.#done.length - 1, 1);
    this.#done.push(info);
    this.#open = null;
  }

  /** The dumps so far (closes the one being read). */
  summary(): DumpsSummary {
    this.#close();
    return { count: this.#count, dumps: this.#done.slice() };
  }
}

function byCount(a: GoroutineGroup, b: GoroutineGroup): number {
  return b.count - a.count || b.leaked - a.leaked || a.key.localeCompare(b.key);
}

/** A group in two dumps: how many goroutines it had in each. */
export interface GroupChange {
  key: string;
  state: string | null;
  where: GoroutineGroup["where"];
  before: number;
  after: number;
  leakedBefore: number;
  leakedAfter: number;
}

/**
 * The groups of two dumps side by side, the ones that grew most first, then those that shrank:
 * what the later dump has more of is where goroutines pile up. Two goroutine dumps match groups
 * by state and whole stack; when either is a debug=1 profile, which prints no state and leaves
 * the runtime's frames out, groups match by where they are (see whereOf) and add up.
 */
export function compareDumps(before: DumpInfo, after: DumpInfo): GroupChange[] {
  const byWhere =
    before.kind === "profile" ||
    before.kind === "leak-profile" ||
    after.kind === "profile" ||
    after.kind === "leak-profile";
  const keyOf = (g: GoroutineGroup): string =>
    byWhere ? (g.where === null ? "" : `${g.where.func} ${g.where.file}:${g.where.line}`) : g.key;
  const rows = new Map<string, GroupChange>();
  const row = (g: GoroutineGroup): GroupChange => {
    const key = keyOf(g);
    let r = rows.get(key);
    if (r === undefined) {
      r = {
        key,
        state: byWhere ? null : g.state,
        where: g.where,
        before: 0,
        after: 0,
        leakedBefore: 0,
        leakedAfter: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const g of before.groups) {
    const r = row(g);
    r.before += g.count;
    r.leakedBefore += g.leaked;
  }
  for (const g of after.groups) {
    const r = row(g);
    r.after += g.count;
    r.leakedAfter += g.leaked;
  }
  return [...rows.values()].sort(
    (a, b) => b.after - b.before - (a.after - a.before) || b.after - a.after || a.key.localeCompare(b.key),
  );
}
