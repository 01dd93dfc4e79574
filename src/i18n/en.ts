// The English string table: every interface string of the site, by area. It defines the shape
// (Strings) that zh.ts must fill in full; a key missing there fails the type check. Strings
// with parameters are `{name}` templates, filled by fill() (fill.ts), so that a table can also
// travel to the browser as JSON. The article's prose is not here: it is in src/content/article/.
import type { ClampNote, ClampReason, LiveFix } from "../lib/live/live-params.ts";
import { replayEn } from "./en-replay.ts";
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
      live: "Run it yourself",
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
    /** In the article's Embed control without JavaScript, before a link to the embed index. */
    noScriptIndex: "Without JavaScript, the snippet of every widget is on the embed index:",
    loadingPanel: "Loading the snippet…",
    unloaded:
      "The snippet could not be loaded; it comes when you open this again. Every widget's snippet is also on the embed index:",
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
      live: "Run it yourself: the leak in your browser",
    },
  },

  /** The live widget (part 8 and /embed/live/); `client` travels to the browser. */
  live: {
    program: "The program your browser runs",
    intro:
      "Set the knobs and press Run: your browser runs the Go program above, compiled to WebAssembly, with GODEBUG=gctrace=1.",
    introEmbed:
      "Set the knobs and press Run: your browser runs the Go program below (open it to read it), compiled to WebAssembly, with GODEBUG=gctrace=1.",
    goroutines: "Goroutines",
    bufferMiB: "Buffer (MiB)",
    fix: "Fix",
    fixes: {
      none: "leak (no fix)",
      timeout: "time.After",
      close: "close",
      context: "context",
    } satisfies Record<LiveFix, string>,
    gogc: "GOGC (optional)",
    gogcHint: "empty: the default, 100",
    limits: "1–20 goroutines, 1–50 MiB each, at most {cap} MiB in all.",
    stop: "Stop",
    noScript: "Running the program needs JavaScript. The recorded run beside it needs none.",
    command: "Command",
    yourRun: "Your run, in this tab",
    yourRunFacts: "{go} · js/wasm · the knobs above",
    recorded: "Recorded natively: traces/{program}",
    recordedFacts: "{go} · {os} · GOMAXPROCS={procs} · {goroutines} × {buffer} MiB",
    recordedNote:
      "Its gctrace lines end in “{procs} P”; yours say “1 P”. The MB columns are comparable, the GC CPU % and milliseconds are not.",
    states: "Goroutines in the dumps",
    dump: "Dump after",
    programGoroutines: "Program’s",
    byState: "The program’s, by state",
    runtimeGoroutines: "Runtime’s",
    profile: "Goroutine leak profile",
    log: "The runtime’s output, as it comes",
    logNote:
      "stderr (gctrace and the runtime’s messages) and stdout (the dumps, the profile), in the order they arrived.",
    legendLive: "live heap",
    legendGoal: "heap goal",
    moduleLabel: "The module",
    builtWith: "built with",
    client: {
      run: "Run",
      runDownload: "Run · downloads {size}",
      runFile: "Run · reads {size} from this folder",
      size: "{mb} MB",
      idle: "Not run yet.",
      loading: "Downloading the program ({size})…",
      loadingFile: "Reading the program from this folder ({size})…",
      starting: "Starting the program…",
      running: "Running.",
      progress: "{t} s · {done} of {total} forced GCs",
      finished: "The program ended (exit code {code}) after {t} s.",
      memory: " Its WebAssembly memory had grown to {size}; the browser got it back when the worker ended.",
      stopped: "Stopped at {t} s.",
      stoppedChange: "Stopped at {t} s: the knobs changed. Press Run to start again with the new values.",
      died: "The program died after {t} s: {message}",
      failed: "The run failed: {message}",
      missing: "The program could not be loaded ({message}).",
      corrupt: "The program file is damaged ({message}).",
      unsupported: "This browser lacks what the program needs to run ({message}).",
      offer: "The recorded run of the same program is beside this message; the replay plays the whole recording.",
      offerLink: "Open the replay",
      fields: { goroutines: "Goroutines", bufferMiB: "Buffer (MiB)", gogc: "GOGC" } satisfies Record<
        ClampNote["field"],
        string
      >,
      clamp: {
        "below-min": "{field}: {asked} is below the least allowed; using {used}.",
        "above-max": "{field}: {asked} is above the most allowed; using {used}.",
        "not-a-number": "{field}: “{asked}” is not a number; using {used}.",
        "total-cap":
          "{goroutines} × {asked} MiB would be {total} MiB, more than a tab should hold; using {goroutines} × {used} MiB = {capped} MiB.",
      } satisfies Record<ClampReason, string>,
      chartNone: "Your run: no gctrace line yet.",
      chartNow: "Your run: {n} GCs; the last one ({kind}) found {live} MB live, heap goal {goal} MB, at {t} s.",
      forced: "forced",
      automatic: "automatic",
      leakCheck: "forced, checking for goroutine leaks",
      dumpAfterGc: "forced GC {n}/{of}",
      dumpAfterCheck: "the leak check",
      stateCount: "{state} {count}",
      leaked: "{state} (leaked)",
      separator: " · ",
      profileNone: "Not printed yet: the program asks for it at the end.",
      noDumps: "No dump yet: the first comes after the first forced GC, a second into the run.",
      noOutput: "What the program prints appears here when you press Run.",
      profileTotal: "total {n}: {words}",
      profileWords: "the leak-detecting GC found {n} goroutines blocked forever",
      profileZero: "no goroutine was left blocked forever",
      logCut: "… the log keeps the first {n} lines; the chart and the tables still read every line.",
    },
  },

  /** The lab page (lab-en.ts); everything below `client` travels to the browser. */
  lab: labEn,
};

/** The shape of a string table, as en.ts defines it. */
export type Strings = typeof en;
