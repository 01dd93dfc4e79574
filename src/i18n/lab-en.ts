// The lab area of the English string table (en.ts puts it under `lab`), in a file of its own for
// its size. Everything below `client` travels to the browser. A count's words are a `{ one,
// other }` pair (`pluralForms`), chosen by the page with Intl.PluralRules; Chinese gives one text for both.
import type { FormatClueCode } from "../lib/lab/format-detect.ts";
import type { LabNote } from "../lib/lab/lab-summary.ts";
import type { LabChartId, CompareChartId } from "../lib/lab/lab-charts.ts";
import type { DumpKind } from "../lib/lab/dump-analysis.ts";
import type { PrefixFormat } from "../lib/parse/line-prefix.ts";
import { ERROR_MESSAGES } from "../lib/parse/parse-line.ts";
import { fill } from "./fill.ts";

/** How a lab chart is named and labelled; `keys` names its lines. */
export interface ChartWords {
  title: string;
  y: string;
  keys: Record<string, string>;
}

/** The words for a count: `one` for 1 (in English), `other` for the rest. */
export interface Plural {
  one: string;
  other: string;
}

/**
 * The compare charts' words from a table of [title, y axis, what the line shows]: each chart draws
 * a line for A and one for B, named by the `sides` template ({side} is A or B, the two logs' names
 * in every language; {line} what the line shows), so the two names of a chart cannot drift apart.
 */
export function compareCharts(
  sides: string,
  charts: Record<CompareChartId, readonly [title: string, y: string, line: string]>,
): Record<CompareChartId, ChartWords> {
  const words = (title: string, y: string, line: string): ChartWords => ({
    title,
    y,
    keys: { a: fill(sides, { side: "A", line }), b: fill(sides, { side: "B", line }) },
  });
  return Object.fromEntries(
    Object.entries(charts).map(([id, [title, y, line]]) => [id, words(title, y, line)]),
  ) as Record<CompareChartId, ChartWords>;
}

/** A count's words; a language without plural forms (Chinese) gives one text, used for both. */
export function pluralForms(one: string, other: string = one): Plural {
  return { one, other };
}

export const labEn = {
  title: "Log lab: read your own gctrace, schedtrace and goroutine dumps",
  description:
    "Paste or open what a Go program printed under GODEBUG=gctrace=1 and schedtrace, with goroutine dumps and leak profiles; parse, chart, compare and export it in your browser. Nothing leaves your computer.",
  heading: "Log lab",
  lede: "Bring what your own Go program printed under GODEBUG=gctrace=1,schedtrace=1000,scheddetail=1, goroutine dumps and leak profiles included, as it is or as your log collector kept it (Kubernetes, Docker, journald; .gz too). The lab reads it with the same parser the article uses, charts the heap, the GC pauses and the scheduler, groups the goroutines of each dump, and lists every line it could not read.",
  privacy: "Everything happens in your browser: the log is not uploaded or sent anywhere.",
  noScript: "The lab needs JavaScript to parse a log in your browser.",
  inputHeading: "Your log",
  how: "Paste text, open (or drop) a file, or load one of our own recordings.",
  pasteLabel: "Paste a log",
  pastePlaceholder: "gc 1 @0.012s 2%: 0.021+0.45+0.003 ms clock, …",
  parsePaste: "Parse the pasted text",
  fileLabel: "Open a log file",
  fileHint: "Any text file (.log, .txt, …) or a gzip-compressed one (.gz), which is unpacked in your browser.",
  dropHint: "You can also drop a file on this area.",
  recordingsLabel: "Our recordings",
  recordingsHint: "The stderr.log of each of the article's programs, by program and Go version.",
  loadRecording: "Load this recording",
  slotLegend: "Read the next log as",
  slotA: "the log to read (A)",
  slotB: "a second log, to compare with A (B)",
  slotHint:
    "Read a log first; then read another one as B, for example the same service before and after a fix, to see both on one time axis.",
  progressLabel: "Parsing progress",
  cancel: "Cancel",
  summaryHeading: "Summary",
  exportHeading: "Export",
  exportJsonl: "Download JSON Lines",
  exportCsv: "Download CSV",
  chartsHeading: "Charts",
  downsampled:
    "Long logs are cut into time buckets and each keeps its lowest and highest point, so no peak is hidden. Every chart covers the whole log.",
  compareHeading: "A and B compared",
  footer:
    "What the lab shows comes from the log you gave it, read in your browser. The article's numbers come from recordings of our own Go programs.",
  client: {
    pasted: "pasted text",
    reading: "Read {done} of {total}, {lines}",
    linesCount: pluralForms("{n} line", "{n} lines"),
    chars: pluralForms("{n} character", "{n} characters"),
    cancelled: "Cancelled. The previous results are unchanged.",
    noWorker:
      "This browser could not start a background thread (Web Worker), so the log is parsed on the page's main thread in small steps; big files will be slower.",
    failed: "Parsing failed: {reason}",
    status: "{label}: {value}",
    separator: "; ",
    source: "Source",
    lines: "Lines",
    format: "Format",
    versionAtLeast: "Go {v} or later",
    versionAtMost: "Go {v} or earlier",
    versionBetween: "Go {a} to {b}",
    versionExactly: "Go {v}",
    versionConflict:
      "The clues disagree (at least {a}, yet at most {b}): this log probably mixes output of different Go versions.",
    versionUnknown: "No clue to the Go version.",
    clue: {
      gctrace: "gctrace lines (GODEBUG=gctrace=1)",
      "gctrace-stacks": "gctrace with MB stacks and MB globals: Go 1.18 or later",
      "gctrace-no-stacks": "gctrace without stacks and globals: Go 1.17 or earlier",
      "leak-check": "(checking for goroutine leaks): leak detection, Go 1.26 or later",
      "gc-forced-line": "GC forced: a periodic GC started by sysmon after two minutes without one",
      schedtrace: "schedtrace summary lines",
      scheddetail: "scheddetail lines (P, M and G)",
      needspinning: "needspinning=: Go 1.21 or later",
      "no-needspinning": "no needspinning=: Go 1.20 or earlier",
      "runq-spaced": "local run queues printed as [ 0 0 ]: Go 1.25 or later",
      "runq-tight": "local run queues printed as [0 0]: Go 1.24 or earlier",
      schedticks: "schedticks=: Go 1.25 or later",
      "ids-nil": "missing ids printed as nil: Go 1.21 or later",
      "ids-minus-one": "missing ids printed as -1: Go 1.20 or earlier",
      "flags-bool": "gcwaiting=false/true: Go 1.21 or later",
      "flags-int": "gcwaiting=0/1: Go 1.20 or earlier",
      "status-leaked": "G status 10 (_Gleaked): Go 1.26 or later",
      "scav-old": "the old scavtrace form with a generation: around Go 1.15",
      "scav-1.19": "the scavtrace “KiB total” form: Go 1.19–1.20",
      "scav-1.21": "the scavtrace “work (bg)/(eager) … KiB now” form: Go 1.21 or later",
      pacer: "pacer: lines (GODEBUG=gcpacertrace=1)",
      "goroutine-dump": "goroutine dumps (pprof debug=2, or runtime.Stack)",
      traceback: "a traceback of every goroutine (a panic, a fatal error or a signal such as SIGQUIT)",
      "goroutine-profile": "goroutine profiles (pprof debug=1: a count per stack)",
      "goroutine-leak-profile": "goroutine leak profiles (goroutineleak): Go 1.26 or later",
      "goroutine-leaked": "goroutines marked (leaked): Go 1.26 or later",
      "created-in-goroutine": "“created by … in goroutine N”: Go 1.21 or later",
      "created-without-goroutine": "“created by …” without the creator's id: Go 1.20 or earlier",
      "prefix-cri": "lines behind containerd/CRI prefixes (Kubernetes), read without them",
      "prefix-docker": "lines behind docker logs -t timestamps, read without them",
      "prefix-json-file": "Docker json-file entries, read as the lines they hold",
      "prefix-journald": "lines behind journald prefixes (journalctl -o short), read without them",
      "prefix-journald-iso": "lines behind journald prefixes (journalctl -o short-iso), read without them",
      crlf: "CRLF (Windows) line ends, read as usual",
    } satisfies Record<FormatClueCode, string>,
    atLine: " (line {n})",
    prefix: "Prefixes",
    prefixFormats: {
      cri: "containerd/CRI (Kubernetes)",
      docker: "docker logs -t",
      "json-file": "Docker json-file",
      journald: "journald, short",
      "journald-iso": "journald, short-iso",
    } satisfies Record<PrefixFormat, string>,
    prefixLines: pluralForms("{format}: {n} line", "{format}: {n} lines"),
    prefixTimes: "wall-clock times from {from} to {to}{zone}",
    prefixZone: " ({zone})",
    prefixPieces: pluralForms(
      "{n} piece of a long line put back on its line",
      "{n} pieces of long lines put back on their lines",
    ),
    runs: "Runs",
    runsValue: pluralForms("{n} run", "{n} runs: time goes back to 0 at line {lines}"),
    gcCycles: "GC cycles",
    gcCyclesValue: "{total} ({automatic} automatic, {forced} forced)",
    periodic: "{n} of them periodic, after “GC forced”",
    leakChecks: "{n} with leak detection",
    gcMissing: pluralForms("{n} GC number has no line (see below)", "{n} GC numbers have no line (see below)"),
    peakLive: "Peak live heap",
    peakLiveValue: "{mb} MiB (line {line})",
    peakHeap: "Peak heap (any phase)",
    pauses: "STW pauses",
    pausesValue: "p50 {p50} ms, p99 {p99} ms, max {max} ms",
    pausesNote: "A cycle’s pause is its sweep termination plus mark termination wall-clock time.",
    goroutines: "Goroutines",
    goroutinesValue: "{live} live at the last scheddetail snapshot",
    goroutinesDead: pluralForms(
      "{n} dead one, which the runtime keeps for reuse, is not counted",
      "{n} dead ones, which the runtime keeps for reuse, are not counted",
    ),
    goroutinesLeaked: pluralForms("{n} of them leaked (status 10)"),
    dumpsRow: "Goroutine dumps",
    dumpsValue: pluralForms("{n} dump or profile, grouped below", "{n} dumps and profiles, grouped below"),
    none: "none",
    snapshotHeading: "Goroutines in the last scheddetail snapshot",
    snapshotIntro: pluralForms(
      "The G lines after SCHED {t} ms (line {line}): {n} live goroutine. Waiting ones are counted by wait reason, the others by status.",
      "The G lines after SCHED {t} ms (line {line}): {n} live goroutines. Waiting ones are counted by wait reason, the others by status.",
    ),
    snapshotDead: pluralForms(
      "{n} more G line is a dead goroutine, which the runtime keeps to reuse: it runs nothing and holds nothing, so it is listed apart.",
      "{n} more G lines are dead goroutines, which the runtime keeps to reuse: they run nothing and hold nothing, so they are listed apart.",
    ),
    category: "Status or wait reason",
    count: "Count",
    deadRow: "not counted: kept for reuse",
    notes: {
      empty: "The input is empty: there are no lines to read.",
      binary: "This looks like a binary file, not a text log: most lines hold NUL bytes or invalid UTF-8.",
      "no-runtime":
        "No runtime output found, only what the program printed itself. Run the program with GODEBUG=gctrace=1,schedtrace=1000 and save its stderr, or save a goroutine dump.",
      "long-line":
        "A line was longer than 1 MiB; the rest of it was cut and is listed under problems below. Every other line was read as usual.",
      runs: "Time goes back to 0 part way through: this log holds several runs of a program. The charts lay them end to end; pick one run below the charts to see it alone.",
      "gzip-error":
        "The compressed data stops being readable part way through ({reason}): the file is cut short or damaged. Everything before that point was read.",
    } satisfies Record<LabNote, string>,
    dumpsHeading: "Goroutine dumps and profiles",
    dumpsIntro:
      "The goroutines of a dump are grouped by state and stack: each row is goroutines waiting in the same state at the same calls, named by the first call of the program’s own (outside the standard library).",
    dumpPick: "Dump",
    dumpKinds: {
      dump: "goroutine dump",
      traceback: "traceback",
      profile: "goroutine profile (debug=1)",
      "leak-profile": "goroutine leak profile",
    } satisfies Record<DumpKind, string>,
    dumpOption: "{i}. line {line}: {kind}, {goroutines}",
    dumpIntro: "Lines {from}–{to}: {kind}{cause}, {goroutines} in {groups}{leaked}.",
    dumpCause: " after “{cause}”",
    dumpLeaked: pluralForms(", {n} of them leaked"),
    dumpsMore: "The log holds {n} dumps; the first {kept} and the last can be picked.",
    goroutineCount: pluralForms("{n} goroutine", "{n} goroutines"),
    groupCount: pluralForms("{n} group", "{n} groups"),
    groupsShown: "The {shown} biggest of {total} groups are listed.",
    groupsCaption: "Groups of dump {i}",
    colGoroutines: "Goroutines",
    colState: "State, and where they are",
    colWait: "longest wait {wait}",
    colCreated: "started by {where}",
    colStack: "Stack",
    leakedBadge: "leaked",
    lockedBadge: "locked to thread",
    noState: "no state (debug=1 prints none)",
    minutes: pluralForms("{n} minute", "{n} minutes"),
    createdIn: "started by {where} in goroutine {g}",
    frames: pluralForms("{n} call", "{n} calls"),
    framesElided: "(the runtime left some out)",
    compareDumpsHeading: "Two dumps compared",
    compareDumpsIntro:
      "Groups that grew from the earlier dump to the later one come first: that is where goroutines pile up.",
    compareEarlier: "Earlier dump",
    compareLater: "Later dump",
    colGroup: "Group",
    colEarlier: "Earlier",
    colLater: "Later",
    colChange: "Change",
    compareCaption: "Groups of dumps {a} and {b}",
    lineNotesHeading: "Lines put back together",
    lineNotesCount: pluralForms(
      "{n} note about the lines; nothing in them was lost:",
      "{n} notes about the lines; nothing in them was lost:",
    ),
    lineNotesShown: "The first {shown} are listed.",
    colNote: "What happened",
    noteJoinedGc: pluralForms(
      "The gctrace line of GC {n} was torn by the program’s output and put back together from {pieces} piece on lines {lines}; the program’s text between them counts as its output.",
      "The gctrace line of GC {n} was torn by the program’s output and put back together from {pieces} pieces on lines {lines}; the program’s text between them counts as its output.",
    ),
    noteJoinedSched: pluralForms(
      "The SCHED line at {t} ms was torn by the program’s output and put back together from {pieces} piece on lines {lines}.",
      "The SCHED line at {t} ms was torn by the program’s output and put back together from {pieces} pieces on lines {lines}.",
    ),
    noteSplit:
      "A runtime line began after the program’s own text on this line (no newline between them); the two were read apart.",
    noteMissing: pluralForms(
      "GC {a} has no gctrace line before this one: torn by other output beyond repair, or cut out of the log.",
      "GCs {a}–{b} have no gctrace line before this one: torn by other output beyond repair, or cut out of the log.",
    ),
    problemsHeading: "Lines that could not be read",
    problemsNone: "Every line was read.",
    problemsAll: pluralForms(
      "{total} line could not be read. Every other line counts as usual.",
      "{total} lines could not be read. Every other line counts as usual.",
    ),
    problemsSome: "{total} lines could not be read; the first {shown} are listed. Every other line counts as usual.",
    line: "Line",
    reason: "Reason",
    text: "Text",
    /** Why a line could not be read, by the parser's reason code. */
    reasons: ERROR_MESSAGES,
    exporting: "Preparing the export…",
    chartsLoading: "Drawing…",
    chartRun: "Runs",
    chartAllRuns: "all {n} runs, one after another",
    chartRunOption: "run {i}: lines {from}–{to}, {gcs}",
    chartRunsMore: "Only the first {n} runs can be picked.",
    gcsCount: pluralForms("{n} GC", "{n} GCs"),
    chartAxis: "Time axis",
    axisStart: "seconds since the program started",
    axisWall: "time of day, from the log’s prefixes",
    axisWallLabel: "time of day{zone}",
    runLabel: "run {i}",
    readingRun: "Reading run {i} again…",
    deadNotDrawn: "Dead goroutines (at most {n} at once), which the runtime keeps for reuse, are not drawn.",
    chart: {
      heap: {
        title: "Heap and heap goal",
        y: "MiB",
        keys: {
          start: "heap at GC start",
          end: "heap at mark termination",
          live: "live heap",
          goal: "heap goal",
          forced: "forced GC",
        },
      },
      gcCpu: { title: "CPU spent in GC (cumulative %)", y: "%", keys: { cpu: "GC CPU %" } },
      stw: {
        title: "Stop-the-world phases per GC",
        y: "ms",
        keys: { sweepTerm: "sweep termination", markTerm: "mark termination" },
      },
      mark: { title: "Concurrent mark time per GC", y: "ms", keys: { mark: "concurrent mark" } },
      sched: {
        title: "Scheduler: threads, idle Ps and run queues",
        y: "count",
        keys: {
          threads: "threads",
          idleProcs: "idle Ps",
          runqueue: "global run queue",
          localRunqueues: "local run queues (sum)",
        },
      },
      goroutines: { title: "Live goroutines by status and wait reason", y: "count", keys: {} },
    } as Record<LabChartId, ChartWords>,
    compare: {
      intro: "A: {a}. B: {b}. The charts put both on one time axis: seconds since each program started.",
      measure: "Measure",
      a: "A",
      b: "B",
      caption: "A and B side by side",
      rows: {
        lines: "Lines",
        gcCycles: "GC cycles",
        peakLive: "Peak live heap (MiB)",
        pauseP50: "STW pause p50 (ms)",
        pauseP99: "STW pause p99 (ms)",
        pauseMax: "STW pause max (ms)",
        liveGoroutines: "Live goroutines at the last snapshot",
        leaked: "Leaked goroutines (last dump, else last snapshot)",
        dumps: "Goroutine dumps and profiles",
        problems: "Lines that could not be read",
      },
      dumpsHeading: "The last dumps of A and B compared",
      stop: "Stop comparing",
      chart: compareCharts("{side}: {line}", {
        heap: ["Live heap, A and B", "MiB", "live heap"],
        pause: ["Stop-the-world pause per GC, A and B", "ms", "pause"],
        gcCpu: ["CPU spent in GC (cumulative %), A and B", "%", "GC CPU %"],
        goroutines: ["Live goroutines, A and B", "count", "live goroutines"],
      }),
    },
    seconds: "s",
    chartDescription: "{title}, {points} drawn. {peaks}.",
    pointsCount: pluralForms("{n} point", "{n} points"),
    linePeak: "{name} highest {peak} at {at}",
  },
};

/** The lab area's shape, as this file defines it. */
export type LabStringsTable = typeof labEn;
