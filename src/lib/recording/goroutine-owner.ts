import type { Frame } from "./recorder-records.ts";

/** Whose goroutine it is: the program's, the Go runtime's, or the recorder probe's. */
export type GoroutineOwner = "user" | "runtime" | "probe";

// Wait reasons that only the runtime's own long-lived goroutines park with. Reasons any goroutine
// can show while helping the runtime (GC assist, stopping the world, waiting for a GC cycle) are
// left out on purpose.
const RUNTIME_WAIT_REASONS: ReadonlySet<string> = new Set([
  "force gc (idle)",
  "GC sweep wait",
  "GC scavenge wait",
  "finalizer wait",
  "cleanup wait",
  "GC worker (idle)",
  "GC worker (active)",
  "GOMAXPROCS updater (idle)",
  "timer goroutine (idle)",
  "trace reader (blocked)",
]);

// A package path segment named `probe`, in a function name (`…/recorder/probe.run`) or a file path.
const PROBE_FUNC = /(?:^|\/)probe\./;
const PROBE_FILE = /(?:^|\/)probe\//;

/** What is known about a goroutine that hints at its owner. */
export interface OwnerEvidence {
  id: number;
  /** Frames seen for it in transitions. */
  frames: readonly Frame[];
  /** Wait reasons seen for it in scheddetail while it was waiting. */
  waitReasons: readonly string[];
  /** Ids the recorder declared as its own in meta.json. */
  probeIds: ReadonlySet<number>;
  /**
   * True when transitions cover this goroutine and their frames are the program's (`main.`) frames
   * whenever there is one, as the recorder writes them; then no `main.` frame means not the program's.
   */
  framesAreProgramFrames: boolean;
}

/**
 * Decides a goroutine's owner. scheddetail alone cannot tell a probe goroutine from the program's,
 * so probes are recognised by meta.json's id list or by transitions' frames in a `probe` package.
 * G1 (main) and goroutines with a `main.` frame are the program's; the runtime's dedicated
 * goroutines are recognised by their wait reasons, or by frames that are all in package runtime;
 * everything else counts as the program's.
 */
export function ownerOf(e: OwnerEvidence): GoroutineOwner {
  if (e.probeIds.has(e.id)) return "probe";
  if (e.frames.some((f) => PROBE_FUNC.test(f.func) || PROBE_FILE.test(f.file))) return "probe";
  if (e.id === 1 || e.frames.some((f) => f.func.startsWith("main."))) return "user";
  if (e.framesAreProgramFrames) return "runtime";
  if (e.waitReasons.some((r) => RUNTIME_WAIT_REASONS.has(r))) return "runtime";
  if (e.frames.length > 0 && e.frames.every((f) => f.func.startsWith("runtime."))) return "runtime";
  return "user";
}
