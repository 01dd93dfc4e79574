// The English string table: every interface string of the site, by area. It defines the shape
// (Strings) that zh.ts must fill in full; a key missing there fails the type check. Strings
// with parameters are `{name}` templates, filled by fill() (fill.ts), so that a table can also
// travel to the browser as JSON. The article's prose is not here: it is in src/content/article/.
import type { FormatClueCode } from "../lib/lab/format-detect.ts";
import type { LabNote } from "../lib/lab/lab-analysis.ts";
import type { LabChartId } from "../lib/lab/lab-charts.ts";
import { ERROR_MESSAGES } from "../lib/parse/parse-line.ts";
import { replayEn } from "./en-replay.ts";

/** How a lab chart is named and labelled; `keys` names its lines. */
export interface ChartWords {
  title: string;
  y: string;
  keys: Record<string, string>;
}

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
      methods: "Methods: how the recordings were made",
    },
    gctraceFields: {
      label: "gctrace fields",
      caption: "stderr.log line {line}, field by field",
      printed: "as printed",
      meaning: "meaning",
      n: "GC cycle number {n} since the process started.",
      t: "When this cycle began, in seconds since the program started.",
      cpu: "Share of the CPU time since the program started that went to GC, idle marking not counted (rounded down).",
      leakCheck: "This cycle also looked for leaked goroutines (Go 1.26 and later; see part 7).",
      clock: "Wall-clock time of the cycle's three phases, in ms:",
      clockSweepTerm:
        "sweep termination: a short stop-the-world (STW) pause that finishes the previous sweep and starts marking;",
      clockMark: "concurrent mark and scan: the GC marks what is reachable while the program keeps running;",
      clockMarkTerm: "mark termination: a second short STW pause that ends marking.",
      cpuMs: "CPU time of the same phases, in ms, with marking split three ways:",
      cpuSweepTerm: "sweep termination, summed over the Ps;",
      cpuAssist:
        "assist marking: goroutines that allocate while marking runs must do some of the marking themselves, in proportion to what they allocate;",
      cpuBackground: "background marking: the GC's own mark workers, which take about a quarter of the Ps;",
      cpuIdle: "idle marking: mark work done on Ps that had nothing else to run;",
      cpuMarkTerm: "mark termination, summed over the Ps.",
      heap: "Heap at the start of the cycle, heap when marking ended, and the heap marked live (in MiB despite the label, rounded down).",
      goal: "The heap goal of this cycle.",
      stacks: "Estimated size of goroutine stacks to scan.",
      globals: "Size of the global variables to scan.",
      procs: "GOMAXPROCS during the cycle: the number of Ps.",
      forced: "This cycle was started on request, by a runtime.GC() call, not by the heap reaching its goal.",
    },
    schedFields: {
      label: "schedtrace and scheddetail fields",
      caption: "stderr.log line {line} ({kind}), field by field",
      printed: "as printed",
      meaning: "meaning",
      kinds: { sched: "SCHED", p: "P", m: "M", g: "G" },
      fields: {
        sched: {
          head: "Milliseconds since the scheduler printed its first trace line, about when the program started.",
          gomaxprocs: "GOMAXPROCS: the number of Ps.",
          idleprocs: "Ps on the idle list, with nothing to run.",
          threads: "OS threads (Ms) the runtime has started and not yet freed.",
          spinningthreads: "Ms that are out of work and actively looking for a goroutine to run.",
          needspinning:
            "1 when new work turned up but no idle P was free for another spinning M: the next M about to go idle keeps looking instead (Go 1.19 does not print it).",
          idlethreads: "Ms parked with nothing to do.",
          runqueue: "Goroutines on the global run queue.",
          gcwaiting: "true while the runtime is stopping the world (STW), for a GC or anything else.",
          nmidlelocked: "Idle Ms locked to a goroutine (runtime.LockOSThread), waiting for it to be runnable.",
          stopwait: "During a stop-the-world: the Ps that still have to stop.",
          sysmonwait:
            "true while sysmon, the runtime's monitor thread, takes a long sleep; with schedtrace set it never does, so it stays false.",
        },
        p: {
          head: "The P's index, from 0 to GOMAXPROCS−1.",
          status:
            "The P's status: 0 idle, 1 running, 3 stopped for a stop-the-world, 4 dead (GOMAXPROCS shrank). 2 meant “in a system call” in Go 1.19 and is unused now.",
          schedtick: "How many times the scheduler has run on this P.",
          syscalltick: "How many system calls have been made on this P.",
          m: "The M holding this P; nil when none does.",
          runqsize: "Goroutines on this P's local run queue.",
          gfreecnt: "Dead Gs cached on this P, ready to be reused by the next go statement.",
          timerslen: "Timers in this P's timer heap (sleeps, tickers, time.After and the like).",
        },
        m: {
          head: "The M's id.",
          p: "The P this M holds; nil when none.",
          curg: "The goroutine this M is running now; nil when none.",
          mallocing: "1 while this M is allocating memory.",
          throwing: "Not 0 while this M is crashing the program with a fatal error.",
          preemptoff: "When not empty, why the goroutine on this M must not be preempted just now.",
          locks: "A count the runtime raises while this M holds runtime locks or must not be rescheduled.",
          dying: "Not 0 while this M is dying in a fatal panic.",
          spinning: "true while this M is out of work and looking for some.",
          blocked: "true while this M is asleep, waiting to be woken (parked).",
          lockedg: "The goroutine locked to this M by runtime.LockOSThread; nil when none.",
        },
        g: {
          head: "The goroutine's id, given in order of creation.",
          status:
            "Its status number (part 4) and, in parentheses, the wait reason it was given when it last stopped to wait.",
          m: "The M running it; nil while it is not running.",
          lockedm: "The M it is locked to by runtime.LockOSThread; nil when none.",
        },
      },
    },
    schedVersions: {
      label: "scheddetail across Go versions",
      caption: "The same fields in our {oldest} and {newest} recordings",
      what: "what",
      when: "changed",
      absent: "not printed",
      rows: {
        missing: "a missing M, P or G",
        needspinning: "needspinning on the SCHED line",
        gcwaiting: "the gcwaiting flag",
        sysmonwait: "the sysmonwait flag",
      },
      changed: {
        missing: "by Go 1.21",
        needspinning: "by Go 1.21",
        gcwaiting: "after Go 1.19",
        sysmonwait: "after Go 1.19",
      },
    },
    statusTable: {
      label: "G status constants",
      value: "value",
      constant: "constant and meaning",
      last: "leak at {t} ms",
      seen: "all G lines",
      since: "since {version}",
      columns:
        "“{last}” counts the G lines of the leak's last scheddetail snapshot (SCHED {t}ms, stderr.log line {line}), printed after the leak check. “{seen}” counts every G line of all our recordings, so a goroutine counts once per snapshot.",
      noScanBit:
        "While the GC scans a goroutine's stack it adds the _Gscan bit (0x1000) to its status: 4100 (decimal, that is 0x1004) is a _Gwaiting goroutine being scanned. No such value turned up in our recordings.",
      scanBit:
        "Of these, {n} carried the _Gscan bit (0x1000), which the GC adds while it scans a goroutine's stack; they are counted under the value without it. 4100 (decimal, that is 0x1004), for instance, is a _Gwaiting goroutine being scanned.",
    },
  },

  /** How prose lists and counts things (prose.ts). */
  prose: {
    listSeparator: ", ",
    listAnd: " and ",
    // Two sentences built apart (a figure's description of each program, a table note), side by side.
    twoSentences: "{first} {next}",
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
    diff: "Diff against {base}",
    diffAddedCount: " added",
    diffRemovedCount: " removed",
    copyDiff: "Copy diff",
    copyFile: "Copy file",
    diffSummary: "Lines marked + are new in {file}; lines marked - were in {base} and are gone. The changes: {hunks}.",
    diffReplaced: "{added} in place of {base}'s {removed}",
    diffAdded: "{added} added",
    diffRemoved: "{base}'s {removed} removed",
    diffJoin: "; ",
    diffLine: "line {a}",
    diffLines: "lines {a}–{b}",
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
      "{label}: at most {peak} of the program's goroutines (main and those it started) waiting at once, and {last} still waiting at {at} s.",
    describeGoroutinesLeaked:
      "{label}: at most {peak} of the program's goroutines (main and those it started) waiting at once; at {at} s, {last} still waiting and {leaked} marked leaked by the runtime.",
    describeSeries:
      "{label}: the live heap was {first} MB at the program's first forced GC (gc {firstN}) and {last} MB at its last (gc {lastN}, {at} s).",
    describeLeakCheck: "The recorder's leak-check GC after it (gc {n}) found {live} MB.",
  },

  /** The replay cell; `client` travels to the browser with the cell's data. */
  replay: replayEn,

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
      "Each widget of the article has a page of its own that a course page or a learning platform (Moodle, Canvas, …) can show in an iframe: paste its snippet into the page's HTML. The snippets point at the copy of the site you are reading now. Without JavaScript an embed shows the widget's static form, as in the previews.",
    /** What an embed shows without JavaScript, where the replay's own captions do not say it. */
    noScriptAddress:
      "Without JavaScript this page cannot tell the address it was opened from: put the full address of the embed page (the link below) in src.",
    hostScript:
      "The frame fits the widget at this height on any width, with no script on the course page. Where the course page may run a script of its own (a plain web page; not Moodle's editor, which removes scripts; Canvas resizes the frame by itself), add this line once and every frame takes the height of its content:",
    fromFile:
      "This copy is a file on this computer, and no other site can show a file from your disk. To embed a widget, put this folder on a web server (any static host will do, also a subfolder of a site or a school server), open this page from there and copy the snippet.",
    footerLink: "Embed a widget in a course page or a learning platform",
    indexPreview: "What a reader sees without JavaScript",
    indexHostHeading: "Auto-height (optional)",
    fallback: {
      statuses:
        "The G status table at the end of the leak's recording: how many goroutines had each status in its last scheddetail snapshot, printed at {t} s (stderr.log line {line}).",
      statusesNone: "The leak's recording has no scheddetail snapshot to count statuses from.",
    },
    titles: {
      heap: "The live heap: a leak and its fix",
      goroutines: "Goroutine lanes",
      log: "The runtime log: gctrace and schedtrace",
      statuses: "Goroutine statuses",
      mechanism: "Why the memory stays: stacks, channels and buffers",
      replay: "Replay: a goroutine leak, as the runtime recorded it",
    },
  },

  /** The lab page; everything below `client` travels to the browser. */
  lab: {
    title: "Log lab: read your own gctrace and schedtrace",
    description:
      "Paste or open what a Go program printed under GODEBUG=gctrace=1 and schedtrace; parse, chart and export it in your browser. Nothing leaves your computer.",
    heading: "Log lab",
    lede: "Bring what your own Go program printed to stderr under GODEBUG=gctrace=1,schedtrace=1000,scheddetail=1. The lab reads it with the same parser the article uses, charts the heap, the GC pauses and the scheduler, and lists every line it could not read.",
    privacy: "Everything happens in your browser: the log is not uploaded or sent anywhere.",
    noScript: "The lab needs JavaScript to parse a log in your browser.",
    inputHeading: "Your log",
    how: "Paste text, open (or drop) a file, or load one of our own recordings.",
    pasteLabel: "Paste a log",
    pastePlaceholder: "gc 1 @0.012s 2%: 0.021+0.45+0.003 ms clock, …",
    parsePaste: "Parse the pasted text",
    fileLabel: "Open a log file",
    dropHint: "You can also drop a file on this area.",
    recordingsLabel: "Our recordings",
    recordingsHint: "The stderr.log of each of the article's programs, by program and Go version.",
    loadRecording: "Load this recording",
    progressLabel: "Parsing progress",
    cancel: "Cancel",
    summaryHeading: "Summary",
    exportHeading: "Export",
    exportJsonl: "Download JSON Lines",
    exportCsv: "Download CSV",
    chartsHeading: "Charts",
    downsampled:
      "Long logs are cut into time buckets and each keeps its lowest and highest point, so no peak is hidden.",
    client: {
      pasted: "pasted text",
      reading: "Read {done} of {total}, {lines} lines",
      chars: "{n} characters",
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
        crlf: "CRLF (Windows) line ends, read as usual",
      } satisfies Record<FormatClueCode, string>,
      atLine: " (line {n})",
      gcCycles: "GC cycles",
      gcCyclesValue: "{total} ({automatic} automatic, {forced} forced)",
      periodic: "{n} of them periodic, after “GC forced”",
      leakChecks: "{n} with leak detection",
      peakLive: "Peak live heap",
      peakLiveValue: "{mb} MiB (line {line})",
      peakHeap: "Peak heap (any phase)",
      pauses: "STW pauses",
      pausesValue: "p50 {p50} ms, p99 {p99} ms, max {max} ms",
      pausesNote: "A cycle’s pause is its sweep termination plus mark termination wall-clock time.",
      none: "none",
      snapshotHeading: "Goroutines in the last scheddetail snapshot",
      snapshotIntro:
        "The G lines after SCHED {t} ms (line {line}): {n} in all. Waiting ones are counted by wait reason, the others by status.",
      category: "Status or wait reason",
      count: "Count",
      notes: {
        empty: "The input is empty: there are no lines to read.",
        binary: "This looks like a binary file, not a text log: most lines hold NUL bytes or invalid UTF-8.",
        "no-runtime":
          "No runtime output found, only what the program printed itself. Run the program with GODEBUG=gctrace=1,schedtrace=1000 and save its stderr.",
        "long-line":
          "A line was longer than 1 MiB; the rest of it was cut and is listed under problems below. Every other line was read as usual.",
        "time-restarts":
          "Time goes back partway through: this log probably holds several runs, and the curves fold back there.",
      } satisfies Record<LabNote, string>,
      problemsHeading: "Lines that could not be read",
      problemsNone: "Every line was read.",
      problemsCount: "{total} lines could not be parsed; the first {shown} are listed. All other lines count as usual.",
      line: "Line",
      reason: "Reason",
      text: "Text",
      /** Why a line could not be read, by the parser's reason code. */
      reasons: ERROR_MESSAGES,
      exporting: "Preparing the export…",
      chartsLoading: "Drawing…",
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
        goroutines: { title: "Goroutines by status and wait reason", y: "count", keys: {} },
      } as Record<LabChartId, ChartWords>,
      seconds: "s",
      chartDescription: "{title}, {points} points drawn. {peaks}.",
      linePeak: "{name} highest {peak} at {at} s",
    },
  },
};

/** The shape of a string table, as en.ts defines it. */
export type Strings = typeof en;
