/**
 * The LMS side of SCORM, as a page inside a package finds it: the runtime object an LMS puts on
 * one of the windows around the content (SCORM 1.2: `API`, SCORM 2004: `API_1484_11`).
 */

/** SCORM 1.2's runtime API (the LMS's object), the calls we make. */
interface Scorm12Api {
  LMSInitialize(arg: ""): string | boolean;
  LMSGetValue(name: string): string;
  LMSSetValue(name: string, value: string): string | boolean;
  LMSCommit(arg: ""): string | boolean;
  LMSFinish(arg: ""): string | boolean;
}

/** SCORM 2004's runtime API, the same calls by their 2004 names. */
interface Scorm2004Api {
  Initialize(arg: ""): string | boolean;
  GetValue(name: string): string;
  SetValue(name: string, value: string): string | boolean;
  Commit(arg: ""): string | boolean;
  Terminate(arg: ""): string | boolean;
}

/** One face for both versions: what a SCO of ours does with its LMS. */
export interface LmsSession {
  version: "1.2" | "2004";
  initialize(): boolean;
  /** Whether the LMS already has this attempt as completed (a reader coming back). */
  completed(): boolean;
  /** Marks the attempt as started, unless it already has a status. */
  start(): void;
  complete(): void;
  /** Reports the time spent in this session and closes it. */
  finish(sessionMs: number): void;
}

/** How far up the chain of parents the search goes (ADL's sample code: 7 for 1.2, 500 for 2004). */
const MAX_PARENTS = { API: 7, API_1484_11: 500 } as const;

/** A property of another window; a window of another origin throws on every access. */
function read(win: Window, name: keyof typeof MAX_PARENTS): unknown {
  try {
    return (win as unknown as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent === win ? null : win.parent;
  } catch {
    return null;
  }
}

/** The standard search: this window, then its parents, then the window that opened it and its parents. */
function search(start: Window, name: keyof typeof MAX_PARENTS): unknown {
  const from = (w: Window | null): unknown => {
    for (let i = 0; w && i <= MAX_PARENTS[name]; i += 1, w = parentOf(w)) {
      const api = read(w, name);
      if (api != null && typeof api === "object") return api;
    }
    return undefined;
  };
  const found = from(start);
  if (found !== undefined) return found;
  let opener: Window | null;
  try {
    opener = start.opener as Window | null;
  } catch {
    opener = null;
  }
  return from(opener);
}

const ok = (result: string | boolean): boolean => result === true || result === "true";

/** Formats a duration as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS. */
export function scorm12Time(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = (s % 60).toFixed(2).padStart(5, "0");
  return `${String(h).padStart(4, "0")}:${String(m).padStart(2, "0")}:${sec}`;
}

function session12(api: Scorm12Api): LmsSession {
  const status = (): string => api.LMSGetValue("cmi.core.lesson_status");
  return {
    version: "1.2",
    initialize: () => ok(api.LMSInitialize("")),
    completed: () => status() === "completed" || status() === "passed",
    start: () => {
      if (status() === "not attempted" || status() === "") api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    },
    complete: () => {
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      api.LMSCommit("");
    },
    finish: (ms) => {
      api.LMSSetValue("cmi.core.session_time", scorm12Time(ms));
      api.LMSFinish("");
    },
  };
}

function session2004(api: Scorm2004Api): LmsSession {
  return {
    version: "2004",
    initialize: () => ok(api.Initialize("")),
    completed: () => api.GetValue("cmi.completion_status") === "completed",
    start: () => {
      const status = api.GetValue("cmi.completion_status");
      if (status === "not attempted" || status === "unknown" || status === "") {
        api.SetValue("cmi.completion_status", "incomplete");
      }
      api.Commit("");
    },
    complete: () => {
      api.SetValue("cmi.completion_status", "completed");
      api.Commit("");
    },
    finish: (ms) => {
      api.SetValue("cmi.session_time", `PT${(Math.max(0, ms) / 1000).toFixed(2)}S`);
      api.Terminate("");
    },
  };
}

const has = (api: unknown, names: string[]): boolean =>
  typeof api === "object" &&
  api !== null &&
  names.every((n) => typeof (api as Record<string, unknown>)[n] === "function");

/**
 * The LMS session of this page: SCORM 1.2's API if one is found (our package declares 1.2), else
 * SCORM 2004's, else null (the page is read outside an LMS and stays a plain page).
 */
export function findLms(start: Window = window): LmsSession | null {
  const api12 = search(start, "API");
  if (has(api12, ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"])) {
    return session12(api12 as Scorm12Api);
  }
  const api2004 = search(start, "API_1484_11");
  if (has(api2004, ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"])) {
    return session2004(api2004 as Scorm2004Api);
  }
  return null;
}
