import type { Lang } from "./ui.ts";
import type { FormatClueCode } from "../lib/lab/format-detect.ts";
import type { LabNote } from "../lib/lab/lab-analysis.ts";
import type { LabChartId } from "../lib/lab/lab-charts.ts";
import { ERROR_MESSAGES } from "../lib/parse/parse-line.ts";
import type { ErrorReason } from "../lib/parse/trace-records.ts";

/** The lab's words, per language: used by the page (build time) and by its script. */
export interface LabText {
  title: string;
  description: string;
  heading: string;
  lede: string;
  privacy: string;
  how: string;
  inputHeading: string;
  pasteLabel: string;
  pastePlaceholder: string;
  parsePaste: string;
  fileLabel: string;
  dropHint: string;
  recordingsLabel: string;
  recordingsHint: string;
  loadRecording: string;
  progressLabel: string;
  cancel: string;
  reading: (done: string, total: string, lines: string) => string;
  /** A count of characters (pasted text and our recordings are read as text, files as bytes). */
  chars: (n: string) => string;
  cancelled: string;
  noWorker: string;
  failed: (reason: string) => string;
  summaryHeading: string;
  source: string;
  lines: string;
  format: string;
  versionAtLeast: (v: string) => string;
  versionAtMost: (v: string) => string;
  versionBetween: (a: string, b: string) => string;
  versionExactly: (v: string) => string;
  versionConflict: (a: string, b: string) => string;
  versionUnknown: string;
  clue: Record<FormatClueCode, string>;
  atLine: (n: string) => string;
  gcCycles: string;
  gcCyclesValue: (total: string, automatic: string, forced: string) => string;
  periodic: (n: string) => string;
  leakChecks: (n: string) => string;
  peakLive: string;
  peakLiveValue: (mb: string, line: string) => string;
  peakHeap: string;
  pauses: string;
  pausesValue: (p50: string, p99: string, max: string) => string;
  pausesNote: string;
  none: string;
  snapshotHeading: string;
  snapshotIntro: (t: string, line: string, n: string) => string;
  category: string;
  count: string;
  notes: Record<LabNote, string>;
  problemsHeading: string;
  problemsNone: string;
  problemsCount: (shown: string, total: string) => string;
  line: string;
  reason: string;
  text: string;
  exportHeading: string;
  exportJsonl: string;
  exportCsv: string;
  exporting: string;
  chartsHeading: string;
  chartsLoading: string;
  chart: Record<LabChartId, { title: string; y: string; keys: Record<string, string> }>;
  seconds: string;
  chartDescription: (title: string, points: string, peaks: string) => string;
  linePeak: (name: string, peak: string, at: string) => string;
  downsampled: string;
  mib: string;
  ms: string;
  /** Why a line could not be read, by the parser's reason code. */
  reasons: Record<ErrorReason, string>;
}

const ZH: LabText = {
  title: "日志实验室：读你自己的 gctrace 与 schedtrace",
  description:
    "把 Go 程序在 GODEBUG=gctrace=1、schedtrace 下打印的日志粘贴进来或打开文件，在浏览器里解析、画图、导出，数据不离开你的电脑。",
  heading: "日志实验室",
  lede: "把你自己的 Go 程序在 GODEBUG=gctrace=1,schedtrace=1000,scheddetail=1 下打印到 stderr 的内容放进来：这里用文章所用的同一个解析器读它，画出堆、GC 停顿和调度器的曲线，并列出读不懂的每一行。",
  privacy: "一切都在你的浏览器里完成：日志不会上传，也不会发往任何地方。",
  inputHeading: "你的日志",
  how: "三种方式任选其一：粘贴文本，打开（或拖入）一个文件，或者载入我们自己录下的一份日志。",
  pasteLabel: "粘贴日志",
  pastePlaceholder: "gc 1 @0.012s 2%: 0.021+0.45+0.003 ms clock, …",
  parsePaste: "解析粘贴的文本",
  fileLabel: "打开日志文件",
  dropHint: "也可以把文件拖到这个区域。",
  recordingsLabel: "我们的录制",
  recordingsHint: "文章里各个程序的 stderr.log，按程序和 Go 版本列出。",
  loadRecording: "载入这份录制",
  progressLabel: "解析进度",
  cancel: "取消",
  reading: (done, total, lines) => `已读 ${done} / ${total}，共 ${lines} 行`,
  chars: (n) => `${n} 个字符`,
  cancelled: "已取消。之前的结果保持不变。",
  noWorker: "这个浏览器无法启动后台线程（Web Worker），改在页面主线程上分块解析；大文件会慢一些。",
  failed: (reason) => `解析失败：${reason}`,
  summaryHeading: "概要",
  source: "来源",
  lines: "行数",
  format: "格式",
  versionAtLeast: (v) => `Go ${v} 或更新`,
  versionAtMost: (v) => `Go ${v} 或更早`,
  versionBetween: (a, b) => `Go ${a} 至 ${b}`,
  versionExactly: (v) => `Go ${v}`,
  versionConflict: (a, b) => `线索相互矛盾（至少 ${a}，又至多 ${b}）：这份日志可能混合了不同 Go 版本的输出。`,
  versionUnknown: "看不出 Go 版本。",
  clue: {
    gctrace: "gctrace 行（GODEBUG=gctrace=1）",
    "gctrace-stacks": "gctrace 含 MB stacks 与 MB globals：Go 1.18 起",
    "gctrace-no-stacks": "gctrace 没有 stacks/globals：Go 1.17 或更早",
    "leak-check": "(checking for goroutine leaks)：Go 1.26 起的泄漏检测",
    "gc-forced-line": "GC forced：sysmon 在两分钟无 GC 后触发的周期性 GC",
    schedtrace: "schedtrace 概要行",
    scheddetail: "scheddetail 详细行（P、M、G）",
    needspinning: "needspinning=：Go 1.21 起",
    "no-needspinning": "没有 needspinning=：Go 1.20 或更早",
    "runq-spaced": "本地运行队列写作 [ 0 0 ]：Go 1.25 起",
    "runq-tight": "本地运行队列写作 [0 0]：Go 1.24 或更早",
    schedticks: "schedticks=：Go 1.25 起",
    "ids-nil": "缺省的 id 写作 nil：Go 1.21 起",
    "ids-minus-one": "缺省的 id 写作 -1：Go 1.20 或更早",
    "flags-bool": "gcwaiting=false/true：Go 1.21 起",
    "flags-int": "gcwaiting=0/1：Go 1.20 或更早",
    "status-leaked": "G 状态 10（_Gleaked）：Go 1.26 起",
    "scav-old": "带代数的旧 scavtrace 格式：Go 1.15 前后",
    "scav-1.19": "scavtrace 的 “KiB total” 格式：Go 1.19–1.20",
    "scav-1.21": "scavtrace 的 “work (bg)/(eager)… KiB now” 格式：Go 1.21 起",
    pacer: "pacer: 行（GODEBUG=gcpacertrace=1）",
    crlf: "行尾是 CRLF（Windows 换行），已照常处理",
  },
  atLine: (n) => `（第 ${n} 行）`,
  gcCycles: "GC 周期",
  gcCyclesValue: (total, automatic, forced) => `${total} 次（自动 ${automatic}，强制 ${forced}）`,
  periodic: (n) => `其中 ${n} 次由 “GC forced” 的周期性 GC 引起`,
  leakChecks: (n) => `${n} 次做了泄漏检测`,
  peakLive: "存活堆峰值",
  peakLiveValue: (mb, line) => `${mb} MiB（第 ${line} 行）`,
  peakHeap: "堆峰值（任一阶段）",
  pauses: "STW 停顿",
  pausesValue: (p50, p99, max) => `p50 ${p50} ms，p99 ${p99} ms，最大 ${max} ms`,
  pausesNote: "每个周期的停顿 = 清扫终止 + 标记终止的挂钟时间。",
  none: "无",
  snapshotHeading: "最后一次 scheddetail 快照里的 goroutine",
  snapshotIntro: (t, line, n) =>
    `SCHED ${t} ms（第 ${line} 行）之后的 G 行：共 ${n} 个。等待中的按等待原因计，其余按状态计。`,
  category: "状态或等待原因",
  count: "数量",
  notes: {
    empty: "输入是空的：没有可读的行。",
    binary: "这看起来是二进制文件，不是文本日志：多数行含有 NUL 字节或无效的 UTF-8。",
    "no-runtime":
      "没有找到运行时的输出，只有程序自己打印的内容。请用 GODEBUG=gctrace=1,schedtrace=1000 运行程序，并保存它的 stderr。",
    "long-line": "有一行超过 1 MiB，超出的部分被截掉并列在下面的问题里；其余的行照常解析。",
    "time-restarts": "时间在日志中途倒退了：这份日志可能包含多次运行，曲线会在那里折回。",
  },
  problemsHeading: "读不懂的行",
  problemsNone: "每一行都读懂了。",
  problemsCount: (shown, total) => `共 ${total} 行无法解析，下面列出前 ${shown} 行。其余的行照常计入。`,
  line: "行号",
  reason: "原因",
  text: "内容",
  exportHeading: "导出",
  exportJsonl: "下载 JSON Lines",
  exportCsv: "下载 CSV",
  exporting: "正在生成导出文件…",
  chartsHeading: "图表",
  chartsLoading: "正在绘图…",
  chart: {
    heap: {
      title: "堆大小与目标",
      y: "MiB",
      keys: { start: "GC 开始时的堆", end: "标记终止时的堆", live: "存活堆", goal: "堆目标", forced: "强制 GC" },
    },
    gcCpu: { title: "GC 占用的 CPU（累计百分比）", y: "%", keys: { cpu: "GC CPU %" } },
    stw: { title: "每次 GC 的 STW 阶段", y: "ms", keys: { sweepTerm: "清扫终止", markTerm: "标记终止" } },
    mark: { title: "每次 GC 的并发标记时间", y: "ms", keys: { mark: "并发标记" } },
    sched: {
      title: "调度器：线程、空闲 P 与运行队列",
      y: "个",
      keys: { threads: "线程", idleProcs: "空闲 P", runqueue: "全局运行队列", localRunqueues: "本地运行队列之和" },
    },
    goroutines: { title: "goroutine：按状态与等待原因", y: "个", keys: {} },
  },
  seconds: "秒",
  chartDescription: (title, points, peaks) => `${title}，画了 ${points} 个点。${peaks}。`,
  linePeak: (name, peak, at) => `${name}最高 ${peak}（${at} 秒）`,
  downsampled: "长日志按时间分段，每段保留最低点与最高点，峰值不会被抹掉。",
  mib: "MiB",
  ms: "ms",
  reasons: {
    "malformed-gctrace": "gctrace 行格式不对（可能被其他输出撕开）",
    "malformed-sched": "SCHED 行格式不对（可能被其他输出撕开）",
    "malformed-scavtrace": "scavtrace 行格式不对（可能被其他输出撕开）",
    "malformed-gc-forced": "“GC forced” 行格式不对（可能被其他输出撕开）",
    "malformed-p": "scheddetail 的 P 行格式不对",
    "malformed-m": "scheddetail 的 M 行格式不对",
    "malformed-g": "scheddetail 的 G 行格式不对",
    "torn-line": "运行时的一行从这行中间开始（输出被撕开）",
    "torn-piece": "像是被撕开的 gctrace 行的一段",
    "binary-data": "二进制数据（NUL 字节或无效的 UTF-8）",
    "line-too-long": "行太长，超过 1 MiB 的部分被截掉",
  },
};

const EN: LabText = {
  title: "Log lab: read your own gctrace and schedtrace",
  description:
    "Paste or open what a Go program printed under GODEBUG=gctrace=1 and schedtrace; parse, chart and export it in your browser. Nothing leaves your computer.",
  heading: "Log lab",
  lede: "Bring what your own Go program printed to stderr under GODEBUG=gctrace=1,schedtrace=1000,scheddetail=1. The lab reads it with the same parser the article uses, charts the heap, the GC pauses and the scheduler, and lists every line it could not read.",
  privacy: "Everything happens in your browser: the log is not uploaded or sent anywhere.",
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
  reading: (done, total, lines) => `Read ${done} of ${total}, ${lines} lines`,
  chars: (n) => `${n} characters`,
  cancelled: "Cancelled. The previous results are unchanged.",
  noWorker:
    "This browser could not start a background thread (Web Worker), so the log is parsed on the page's main thread in small steps; big files will be slower.",
  failed: (reason) => `Parsing failed: ${reason}`,
  summaryHeading: "Summary",
  source: "Source",
  lines: "Lines",
  format: "Format",
  versionAtLeast: (v) => `Go ${v} or later`,
  versionAtMost: (v) => `Go ${v} or earlier`,
  versionBetween: (a, b) => `Go ${a} to ${b}`,
  versionExactly: (v) => `Go ${v}`,
  versionConflict: (a, b) =>
    `The clues disagree (at least ${a}, yet at most ${b}): this log probably mixes output of different Go versions.`,
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
  },
  atLine: (n) => ` (line ${n})`,
  gcCycles: "GC cycles",
  gcCyclesValue: (total, automatic, forced) => `${total} (${automatic} automatic, ${forced} forced)`,
  periodic: (n) => `${n} of them periodic, after “GC forced”`,
  leakChecks: (n) => `${n} with leak detection`,
  peakLive: "Peak live heap",
  peakLiveValue: (mb, line) => `${mb} MiB (line ${line})`,
  peakHeap: "Peak heap (any phase)",
  pauses: "STW pauses",
  pausesValue: (p50, p99, max) => `p50 ${p50} ms, p99 ${p99} ms, max ${max} ms`,
  pausesNote: "A cycle’s pause is its sweep termination plus mark termination wall-clock time.",
  none: "none",
  snapshotHeading: "Goroutines in the last scheddetail snapshot",
  snapshotIntro: (t, line, n) =>
    `The G lines after SCHED ${t} ms (line ${line}): ${n} in all. Waiting ones are counted by wait reason, the others by status.`,
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
  },
  problemsHeading: "Lines that could not be read",
  problemsNone: "Every line was read.",
  problemsCount: (shown, total) =>
    `${total} lines could not be parsed; the first ${shown} are listed. All other lines count as usual.`,
  line: "Line",
  reason: "Reason",
  text: "Text",
  exportHeading: "Export",
  exportJsonl: "Download JSON Lines",
  exportCsv: "Download CSV",
  exporting: "Preparing the export…",
  chartsHeading: "Charts",
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
  },
  seconds: "s",
  chartDescription: (title, points, peaks) => `${title}, ${points} points drawn. ${peaks}.`,
  linePeak: (name, peak, at) => `${name} highest ${peak} at ${at} s`,
  downsampled: "Long logs are cut into time buckets and each keeps its lowest and highest point, so no peak is hidden.",
  mib: "MiB",
  ms: "ms",
  reasons: ERROR_MESSAGES,
};

/** The lab's words in each language. */
export const LAB_TEXT: Record<Lang, LabText> = { zh: ZH, en: EN };
