/**
 * The prefixes that log collectors put before each line a program printed, so that a service's
 * log reads like the program's own stderr once they are stripped:
 *
 *   cri           2026-11-30T10:00:00.123456789Z stderr F gc 1 @…   containerd/CRI (Kubernetes); P = partial
 *   docker        2026-11-30T10:00:00.123456789Z gc 1 @…            docker logs -t
 *   json-file     {"log":"gc 1 @…\n","stream":"stderr","time":"…"}  Docker's json-file driver
 *   journald      Nov 30 10:00:00 host svc[4242]: gc 1 @…          journalctl -o short (and short-precise)
 *   journald-iso  2026-11-30T10:00:00+0000 host svc[4242]: gc 1 @…  journalctl -o short-iso (and -precise)
 */

/** The prefix formats, in the order the lab lists them. */
export const PREFIX_FORMATS = ["cri", "docker", "json-file", "journald", "journald-iso"] as const;

/** One of {@link PREFIX_FORMATS}. */
export type PrefixFormat = (typeof PREFIX_FORMATS)[number];

/** What {@link readPrefix} found before a line's own text. */
export interface LinePrefix {
  format: PrefixFormat;
  /** The wall-clock time, as printed. */
  wall: string;
  /** Where the line's own text starts in the input; -1 when it is `text` instead. */
  start: number;
  /** The line's own text when it had to be decoded (json-file); null when it is the input from `start`. */
  text: string | null;
  /** `stdout` or `stderr` when the format says (CRI, json-file); null otherwise. */
  stream: string | null;
  /** True for a piece of a longer line (CRI `P`, a json-file entry without its "\n"): the next piece continues it. */
  partial: boolean;
}

const RFC3339 = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?`;
// containerd and Docker write UTC with nanoseconds (RFC3339Nano, trailing zeros trimmed), so Z.
const CRI = new RegExp(String.raw`(${RFC3339}Z) (stdout|stderr) ([PF])(?: |(?![^\r\n]))`, "y");
const DOCKER = new RegExp(String.raw`(${RFC3339}Z) `, "y");
// journalctl prints a numeric offset (+0100 or +01:00), never Z; then host, identifier, [pid], ": ".
const JOURNAL_TAIL = String.raw` [^\s\[\]]+ [^\s\[\]]+?(?:\[\d+\])?:(?: |(?![^\r\n]))`;
const JOURNALD_ISO = new RegExp(String.raw`(${RFC3339}[+-]\d\d:?\d\d)${JOURNAL_TAIL}`, "y");
const JOURNALD = new RegExp(
  String.raw`((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,6})?)${JOURNAL_TAIL}`,
  "y",
);
const JSON_FILE = '{"log":"';

/**
 * The prefix of the line `s[start, end)`, or null when it has none. Cheap for the lines that
 * cannot have one: only a digit, `{` or a capital letter followed by two small ones can begin one.
 */
export function readPrefix(s: string, start: number, end: number): LinePrefix | null {
  const c = s.charCodeAt(start);
  if (c >= 48 && c <= 57) {
    // 2026-11-30T…: the fifth character is always the date's first "-".
    if (s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 10) !== 84) return null;
    let m = sticky(CRI, s, start, end);
    if (m !== null) {
      return {
        format: "cri",
        wall: m[1] ?? "",
        start: CRI.lastIndex,
        text: null,
        stream: m[2] ?? null,
        partial: m[3] === "P",
      };
    }
    m = sticky(DOCKER, s, start, end);
    if (m !== null)
      return { format: "docker", wall: m[1] ?? "", start: DOCKER.lastIndex, text: null, stream: null, partial: false };
    m = sticky(JOURNALD_ISO, s, start, end);
    if (m !== null) {
      return {
        format: "journald-iso",
        wall: m[1] ?? "",
        start: JOURNALD_ISO.lastIndex,
        text: null,
        stream: null,
        partial: false,
      };
    }
    return null;
  }
  if (c === 123) return s.startsWith(JSON_FILE, start) ? jsonFile(s.slice(start, end)) : null;
  if (c >= 65 && c <= 90) {
    // A month's name: a capital letter, two small ones, a space.
    const c1 = s.charCodeAt(start + 1);
    if (c1 < 97 || c1 > 122 || s.charCodeAt(start + 3) !== 32) return null;
    const m = sticky(JOURNALD, s, start, end);
    if (m !== null)
      return {
        format: "journald",
        wall: m[1] ?? "",
        start: JOURNALD.lastIndex,
        text: null,
        stream: null,
        partial: false,
      };
  }
  return null;
}

/** The match of a sticky pattern at `start`, if it ends no later than `end`. */
function sticky(re: RegExp, s: string, start: number, end: number): RegExpExecArray | null {
  re.lastIndex = start;
  const m = re.exec(s);
  return m !== null && re.lastIndex <= end ? m : null;
}

/**
 * A json-file entry: `log` (the text with its "\n"; without it, a piece of a line longer than
 * Docker's 16 KiB buffer), `stream`, `time`. Anything else that starts like one (a program's own
 * JSON log line) is not a prefix.
 */
function jsonFile(line: string): LinePrefix | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { log, stream, time } = value as Record<string, unknown>;
  if (typeof log !== "string" || typeof time !== "string") return null;
  const partial = !log.endsWith("\n");
  return {
    format: "json-file",
    wall: time,
    start: -1,
    text: partial ? log : log.slice(0, -1),
    stream: typeof stream === "string" ? stream : null,
    partial,
  };
}

/** A line put back together from its pieces, or given as it was. */
export interface WholeLine {
  /** The line's text (its pieces joined); the prefix is gone. */
  text: string;
  /** The number of its first piece's line. */
  line: number;
  wall: string;
}

/**
 * Puts CRI `P` pieces and partial json-file entries back together, one stream at a time (stdout
 * and stderr pieces can interleave), so that a line longer than the collector's buffer is read
 * as the one line the program printed. Holds only the pieces of unfinished lines.
 */
export class PartialLines {
  readonly #open = new Map<string, { parts: string[]; line: number; wall: string }>();
  /** How many pieces were joined to the lines before them. */
  joined = 0;

  /** True when no piece is waiting for the rest of its line. */
  get idle(): boolean {
    return this.#open.size === 0;
  }

  /**
   * Takes the text of a line behind `prefix`; returns the whole line when this piece ends one
   * (its own text when it was not partial and nothing was waiting), or null when it waits.
   */
  take(prefix: LinePrefix, text: string, line: number): WholeLine | null {
    const key = prefix.stream ?? "";
    const open = this.#open.get(key);
    if (open === undefined) {
      if (!prefix.partial) return { text, line, wall: prefix.wall };
      this.#open.set(key, { parts: [text], line, wall: prefix.wall });
      return null;
    }
    open.parts.push(text);
    this.joined++;
    if (prefix.partial) return null;
    this.#open.delete(key);
    return { text: open.parts.join(""), line: open.line, wall: open.wall };
  }

  /** Ends the input: the lines whose last piece never came, as far as they got, in line order. */
  end(): WholeLine[] {
    const out = [...this.#open.values()]
      .map((o) => ({ text: o.parts.join(""), line: o.line, wall: o.wall }))
      .sort((a, b) => a.line - b.line);
    this.#open.clear();
    return out;
  }
}
