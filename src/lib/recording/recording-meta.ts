/** The recorder's `meta.json`, free-form, with the few fields the model reads. */
export interface RecordingMeta {
  /** Everything in the file, untouched. */
  raw: Record<string, unknown>;
  /** `goVersion` (or `go`), e.g. "go1.27.3"; null if absent. */
  goVersion: string | null;
  /**
   * Ids of the recorder's own goroutines (its sampler, runtime/trace's reader): from
   * `probe.goroutines[].id`, or a `probeGoroutines` / `probeGoroutineIds` number list; empty if absent.
   */
  probeGoroutines: number[];
}

/** Reads meta.json text or an already-decoded object; anything unreadable gives an empty meta. */
export function parseMeta(input: string | Record<string, unknown> | undefined): RecordingMeta {
  let raw: Record<string, unknown> = {};
  if (typeof input === "string") {
    try {
      const v: unknown = JSON.parse(input);
      if (typeof v === "object" && v !== null && !Array.isArray(v)) raw = v as Record<string, unknown>;
    } catch {
      // A broken meta.json must not stop a replay; the fields it would give stay empty.
    }
  } else if (input !== undefined) {
    raw = input;
  }
  const version = raw["goVersion"] ?? raw["go"];
  const probe = raw["probe"];
  const listed = typeof probe === "object" && probe !== null && "goroutines" in probe ? probe.goroutines : undefined;
  const ids = raw["probeGoroutines"] ?? raw["probeGoroutineIds"] ?? listed;
  const probeGoroutines: number[] = [];
  if (Array.isArray(ids)) {
    for (const x of ids as unknown[]) {
      if (typeof x === "number") probeGoroutines.push(x);
      else if (typeof x === "object" && x !== null && "id" in x && typeof x.id === "number") probeGoroutines.push(x.id);
    }
  }
  return { raw, goVersion: typeof version === "string" ? version : null, probeGoroutines };
}
