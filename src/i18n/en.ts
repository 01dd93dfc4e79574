// The English string table: every interface string of the site, by area. It defines the shape
// (Strings) that zh.ts must fill in full; a key missing there fails the type check. Strings
// with parameters are `{name}` templates, filled by fill() (fill.ts), so that a table can also
// travel to the browser as JSON. The article's prose is not here: it is in src/content/article/.
// The lab's area is in lab-en.ts, for its size.
import { labEn } from "./lab-en.ts";

export type { ChartWords } from "./lab-en.ts";

export const en = {
  /** The page shell: header, footer, navigation. */
  chrome: {
    siteName: "Blocked Forever",
    siteTagline: "An explorable note on goroutine leaks",
    skipToContent: "Skip to content",
    siteNav: "Site",
    switchLanguage: "中文",
    switchLanguageLabel: "阅读中文版",
    themeDark: "Dark",
    navLab: "Lab",
    navLabLabel: "Lab: explore your own gctrace and schedtrace logs",
    footer: "Every number and curve here comes from recordings of our own Go programs on a real runtime.",
  },

  /** The article page around the prose: title, contents, part titles, the tables of parts 2 and 4. */
  article: {
    title: "Blocked forever: goroutine leaks",
    lede: "A goroutine that waits forever on a channel never ends, and nothing it holds can ever be collected. Here is what a real Go runtime recorded while that happened.",
    toc: "Contents",
    glossary: "Glossary",
    sections: {
      leak: "A goroutine blocked forever",
      gctrace: "Watching the heap with gctrace",
      schedtrace: "Watching the goroutines with schedtrace",
      statuses: "The G status constants",
      fix: "The fix: give every wait an end",
      tick: "The old time.Tick trap",
      "finding-leaks": "Finding leaks for real",
    },
    gctraceFields: {
      label: "gctrace fields",
      caption: "stderr.log line {line}, field by field",
      printed: "as printed",
      meaning: "meaning",
      n: "GC cycle number {n} since the process started.",
      t: "When this cycle began, in seconds since the program started.",
      cpu: "Share of CPU time spent in GC since the program started (cumulative, rounded down).",
      clock: "Wall-clock time: stop-the-world sweep termination + concurrent mark + stop-the-world mark termination.",
      cpuMs: "CPU time: sweep termination + assist / background / idle marking + mark termination.",
      heap: "Heap at the start of the cycle, heap when marking ended, and the heap marked live (in MiB despite the label, rounded down).",
      goal: "The heap goal of this cycle.",
      stacks: "Estimated size of goroutine stacks to scan.",
      globals: "Size of the global variables to scan.",
      procs: "GOMAXPROCS during the cycle: the number of Ps.",
      forced: "This cycle was started by a runtime.GC() call.",
    },
    statusTable: {
      label: "G status constants",
      value: "value",
      constant: "constant",
      meaning: "meaning",
      seen: "times seen",
      since: "since {version}",
      noScanBit:
        "While the GC scans a goroutine's stack it adds the _Gscan bit (0x1000) to its status, so that 4100, for instance, is a _Gwaiting goroutine being scanned; no such value turned up in our recordings.",
      scanBit:
        "Of these, {n} carried the _Gscan bit (0x1000) and are counted under the value without it: 4100, for instance, is a _Gwaiting goroutine whose stack the GC is scanning.",
    },
  },

  /** How prose lists and counts things (prose.ts). */
  prose: {
    listSeparator: ", ",
    listAnd: " and ",
    counts: ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
    bigCount: "{n}",
  },

  /** The notebook cells: program, command, output, figure. */
  cells: {
    program: "Program",
    command: "Command",
    output: "Output",
    copy: "Copy",
    copied: "Copied",
    line: "Line {n}",
    foot: "{line}: {label}",
    moreLines: "… {n} more lines (show)",
    hideLines: "Hide these {n} lines",
    recordedWith: "Recorded with",
    data: "Data table",
    diff: "Diff against leak",
  },

  /** The build-time figures: axes, legends, data tables, their descriptions in words. */
  figures: {
    seconds: "time (s)",
    mib: "MiB",
    seriesLive: "{label}: live heap",
    seriesGoal: "{label}: heap goal",
    forcedGc: "forced GC",
    autoGc: "automatic GC",
    program: "program",
    gcNumber: "GC",
    startSeconds: "start (s)",
    liveMB: "live (MB)",
    goalMB: "goal (MB)",
    forced: "forced",
    yes: "yes",
    no: "no",
    goroutines: "goroutines",
    describeGoroutines:
      "{label}: at most {peak} of the program's goroutines waiting at once, and {last} still waiting at {at} s.",
    describeSeries:
      "{label}: {n} gctrace lines marked (forced); the live heap was {first} MB at the first and {last} MB at the last ({at} s).",
  },

  /** The replay cell; `client` travels to the browser with the cell's data. */
  replay: {
    intro:
      "Press play or drag the time. Switching programs keeps the time; the previous program's curve stays as a faint ghost.",
    variants: "Program",
    play: "Play",
    pause: "Pause",
    prev: "Previous event",
    next: "Next event",
    scrub: "Time",
    speed: "Speed",
    heap: "Heap",
    lanes: "Goroutines",
    log: "Runtime log",
    statuses: "G statuses",
    statusesNote:
      "How many goroutines are in each status now: the program's own, and all of them (the runtime's and the recorder's too).",
    statusesAll: "all",
    constant: "constant",
    code: "Code",
    gcs: "GCs (focus one for its numbers, press it to jump there)",
    staticNote: "A static figure; the replay replaces it once it has loaded.",
    staticCaption: "Live heap and heap goal: leak against fix-timeout.",
    client: {
      readout: "t = {t} s · live heap {live} MiB",
      readoutNone: "t = {t} s · no heap figure yet",
      time: "{t} s",
      program: "the program's goroutines",
      all: "all goroutines",
      none: "none",
      notTraced: "the execution trace has not started yet: no goroutine is known",
      gcDetail: "GC {n} · {t} s · {start}->{end}->{live} MB · goal {goal} MB{forced}",
      forced: " · forced",
      leakCheck: " · leak check",
      waitingHere: "goroutines waiting at line {line} now: {n}",
      nobodyWaiting: "none of the program's goroutines is waiting at a line now",
      logNote:
        "Showing the gctrace lines, the SCHED summaries and the program's own G lines: {shown} of the {total} lines of stderr.log.",
      decode: "field by field",
      user: "program",
      runtime: "runtime",
      probe: "recorder",
    },
  },

  /** The embed pages, their index and the Embed control. */
  embed: {
    embed: "Embed",
    embedTitle: "Embed “{title}”",
    pasteHere: "Paste this into the HTML of a course page or a learning platform (Moodle, Canvas, …):",
    copy: "Copy code",
    copied: "Copied",
    open: "Open the embed page",
    credit: "From “Blocked Forever”, an explorable note on goroutine leaks",
    indexTitle: "Embed a widget",
    indexLede:
      "Each replay widget of the article has a page of its own that a course page or learning platform can show in an iframe. Without JavaScript an embed shows a static picture.",
    titles: {
      heap: "The live heap: a leak and its fix",
      goroutines: "Goroutine lanes",
      log: "The runtime log: gctrace and schedtrace",
      statuses: "Goroutine statuses",
      replay: "Replay: a goroutine leak, as the runtime recorded it",
    },
  },

  /** The lab page (lab-en.ts); everything below `client` travels to the browser. */
  lab: labEn,
};

/** The shape of a string table, as en.ts defines it. */
export type Strings = typeof en;
