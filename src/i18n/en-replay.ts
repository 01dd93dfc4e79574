// The replay's English strings (the `replay` area of en.ts, in a file of its own for its size).
// `client` travels to the browser with the cell; the rest is used at build time.

export const replayEn = {
  label: "Replay of the recorded runs: the leak and its three fixes",
  intro:
    "Press Play, or Next to step from one recorded event to the next. Switching programs keeps the time; the leak stays on the chart as the baseline.",
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
  mechanism: "Why the memory stays",
  statusesAll: "all",
  constant: "constant",
  code: "Code",
  /** The lanes' legend, by state. */
  legendNow: "now",
  legendBaseline: "baseline",
  legendBefore: "shown before",
  staticNote: "The recorded story in key frames: each program at four moments, with what the replay shows then.",
  /** What a cell shows without JavaScript, by widget. */
  fallback: {
    heap: "Live heap and heap goal, as recorded: the leak against its time.After fix, on one time axis.",
    goroutines: "The program's goroutines by state, as recorded: the leak against its time.After fix.",
    mechanismLeak: "The leak at the end of its recording.",
    mechanismFix: "time.After at the end of its recording.",
    log: "The gctrace lines of the leak's stderr.log, with their line numbers.",
    statuses:
      "The status table counts, from the recorded scheddetail snapshots, how many goroutines had each status at each moment; it needs JavaScript to follow the clock. Part 4 of the article lists the statuses.",
  },
  keyFrames: "Key frames of {label}",
  keyFrameAt: "{t} s",
  /** Short labels on the heap chart, at the time of their event. */
  annotations: {
    start: "{collectors} collectors start",
    forced: "GC {n}: still {live} MB",
    returnTimeout: "timers fire",
    returnClose: "channels closed",
    returnContext: "context cancelled",
    frees: "GC {n} frees {freed} MB",
    leakCheck: "leak check: {leaked} leaked",
  },
  /** The mechanism figure's fixed words. */
  figure: {
    roots: "stacks (GC roots)",
    channels: "channels",
    heap: "heap",
    main: "main",
    collector: "collector {n}",
    dropped: "channels dropped",
    feeds: "feeds: keeps them",
    ctx: "ctx, cancel",
    timer: "timer",
    context: "ctx",
    buffer: "{mib} MiB",
    caption:
      "The program as the garbage collector sees it: marking starts at the goroutine stacks and follows pointers. A collector's stack points at its channel and at its buffer; while it waits, both stay reachable.",
  },
  client: {
    laneStates: {
      running: "running",
      runnable: "runnable",
      waiting: "waiting",
      leaked: "leaked",
      returned: "returned",
    },
    time: "{t} s",
    readout: "live heap {live} MiB (gctrace, GC {n})",
    readoutNone: "no GC has reported yet",
    program: "the program's goroutines",
    all: "all goroutines",
    none: "none",
    main: "main",
    collector: "collector {n}",
    runtimeGroup: "the runtime's goroutines ({n})",
    recorderGroup: "the recorder's goroutines ({n})",
    notStarted: "not started yet",
    returned: "returned at {t} s",
    stateWaiting: "waiting ({reason})",
    stateLeaked: "leaked ({reason})",
    stateRunning: "running",
    stateRunnable: "runnable",
    stateOther: "{state}",
    waitingHere: "{n} of the program's goroutines wait at line {line}: {code}",
    nobodyWaiting: "none of the program's goroutines waits at a line of the program now",
    snapshot: "as scheddetail printed it at {ms} ms (the SCHED block marked in the log)",
    snapshotNone: "scheddetail has printed nothing yet",
    logNote:
      "Showing the gctrace lines, the SCHED summaries and the program's own G lines: {shown} of the {total} lines of stderr.log.",
    decode: "field by field",
    user: "program",
    /** The mechanism figure's text alternative, at the current time. */
    mechanismAlt:
      "At {t} s: {holding} of {collectors} collectors hold their {buffer} MiB buffers; {reachable} MiB reachable from their stacks. {last}",
    mechanismLastGc: "The last GC, GC {n}, left {live} MB live.",
    mechanismNoGc: "No GC has run yet.",
    mechanismReturned: "{returned} returned; their buffers are {state}. ",
    bufferGarbage: "garbage, waiting for the next GC",
    bufferFreed: "freed",
    bufferWords: { none: "not allocated yet", held: "live", garbage: "garbage", freed: "freed" },
    /** One sentence per story event, for the caption over the replay. */
    captions: {
      before: "The program is starting. Press Play, or Next to step through what the runtime recorded.",
      start:
        "{collectors} collectors have started. Each holds a {buffer} MiB buffer and waits on a channel of its own.",
      gcAuto: "GC {n} runs on its own, because the heap reached its goal: {live} MB live.",
      gcHolding:
        "GC {n} (forced): still {live} MB live. Marking starts at the goroutine stacks, and {holding} collector stacks still point at their buffers.",
      gcFrees:
        "GC {n} (forced) frees {freed} MB: nothing points at the returned collectors' buffers any more. {live} MB live.",
      gcEmpty: "GC {n} (forced): {live} MB live. No collector is left.",
      returnTimeout:
        "The timers fire: time.After's channel delivers, select returns, and {count} collectors return. Their buffers are garbage now.",
      returnClose:
        "main closes the channels: {count} collectors receive ok == false and return. Their buffers are garbage now.",
      returnContext:
        "The context's deadline passes and Done() is closed: {count} collectors return. Their buffers are garbage now.",
      returnNone: "{count} collectors return.",
      leakCheck:
        "GC {n} checks for goroutine leaks: {leaked} goroutines are blocked on channels that no running goroutine can reach.",
      leakCheckNone: "GC {n} checks for goroutine leaks and finds none.",
      markedLeaked:
        "scheddetail now prints the {count} collectors with status 10, _Gleaked: the runtime itself calls them leaked.",
      endBlocked: "The recording ends with {blocked} collectors still blocked, their {mib} MiB still reachable.",
      endFree: "The recording ends: every collector returned, and their memory was freed.",
    },
  },
};
