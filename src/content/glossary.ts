import type { Lang } from "../i18n/lang.ts";

/** A glossary entry: the term and a short definition, per language. */
export interface GlossaryEntry {
  term: Record<Lang, string>;
  definition: Record<Lang, string>;
}

// The terms, in the order the list at the end of the article shows them; one text where both
// languages write the term alike.
const TERMS = {
  g: "G",
  m: "M",
  p: "P",
  gomaxprocs: "GOMAXPROCS",
  "live-heap": { zh: "存活堆", en: "live heap" },
  "heap-goal": { zh: "堆目标", en: "heap goal" },
  "forced-gc": { zh: "强制 GC", en: "forced GC" },
  "wait-reason": { zh: "等待原因", en: "wait reason" },
  stw: { zh: "STW", en: "stop the world (STW)" },
} as const satisfies Record<string, string | Record<Lang, string>>;

/** The id of a glossary entry. */
export type GlossaryId = keyof typeof TERMS;

// The definitions, a table per language: a term without one in either language fails the type check.
const DEFINITIONS: Record<Lang, Record<GlossaryId, string>> = {
  zh: {
    g: "运行时对 goroutine 的称呼：一个 g 结构体，记着它的栈、状态和等待原因。scheddetail 输出里的 G1 就是编号为 1 的 goroutine，也就是运行 main 的那个。",
    m: "machine，即一个操作系统线程。G 只有被某个 M 执行时才在运行。",
    p: "processor，即执行 Go 代码的资格，带有自己的可运行 G 队列。M 必须持有一个 P 才能运行 G；P 的个数就是 GOMAXPROCS。",
    gomaxprocs:
      "P 的个数，也就是最多能同时执行 Go 代码的线程数。我们的记录都在 GOMAXPROCS=2 下完成，所以每一行 gctrace 里都写着“2 P”。",
    "live-heap": "上一轮 GC 标记为仍然可达的堆内存。gctrace 里 X-\u2060>Y-\u2060>Z MB 的 Z 就是它。",
    "heap-goal":
      "运行时希望下一轮 GC 结束时堆不超过的大小。默认 GOGC=100 时，大约是存活堆的两倍（再加上需要扫描的栈和全局变量）。",
    "forced-gc":
      "被显式请求的 GC，gctrace 行末标着 (forced)：通常来自 runtime.GC() 调用，goroutine 泄漏 profile 的那轮泄漏检测 GC 也算。程序两分钟没有 GC 时运行时自动补的那一轮不算：它的 gctrace 行不带 (forced)，前面另有一行“GC forced”。",
    "wait-reason":
      "运行时让 goroutine 停下等待时记下的理由，如 chan receive、select、sleep。只有状态为等待（4）或泄漏（10）时它才是当前的；在其他状态下，scheddetail 显示的仍是上一次等待的原因。",
    stw: "stop the world：所有 goroutine 都暂停的短暂阶段。每轮 GC 在开头（清扫终止）和结尾（标记终止）各有一次，就是 gctrace 三段墙钟时间里的第一段和第三段。",
  },
  en: {
    g: "The runtime's name for a goroutine: a g struct holding its stack, its status and why it waits. G1 in scheddetail output is goroutine 1, the one that runs main.",
    m: "A machine: an operating-system thread. A G runs only while some M executes it.",
    p: "A processor: the right to run Go code, with its own queue of runnable Gs. An M must hold a P to run a G; there are GOMAXPROCS of them.",
    gomaxprocs:
      "The number of Ps, and so how many threads may run Go code at once. Our recordings ran with GOMAXPROCS=2, which is why every gctrace line says “2 P”.",
    "live-heap": "Heap memory the last GC marked as still reachable. It is the Z in gctrace's X-\u2060>Y-\u2060>Z MB.",
    "heap-goal":
      "The heap size by which the runtime aims to have finished the next GC. With the default GOGC=100 it is about twice the live heap (plus the stacks and globals the GC has to scan).",
    "forced-gc":
      "A GC started on request; its gctrace line ends in (forced). Usually that is a runtime.GC() call; the leak-check GC of the goroutine leak profile is one too. The GC the runtime runs after two minutes without one is not: its gctrace line has no (forced), but a separate “GC forced” line comes before it.",
    "wait-reason":
      "Why the runtime parked a goroutine: chan receive, select, sleep… It is current only while the status is waiting (4) or leaked (10); in other states scheddetail still shows the reason of its last wait.",
    stw: "A short phase in which every goroutine is paused. A GC has one at its start (sweep termination) and one at its end (mark termination): the first and third of gctrace's clock times.",
  },
};

/** The notes that open on hover, focus or tap; without JavaScript they are a list at the end. */
export const GLOSSARY = Object.fromEntries(
  (Object.keys(TERMS) as GlossaryId[]).map((id) => {
    const term: string | Record<Lang, string> = TERMS[id];
    const entry: GlossaryEntry = {
      term: typeof term === "string" ? { zh: term, en: term } : term,
      definition: { zh: DEFINITIONS.zh[id], en: DEFINITIONS.en[id] },
    };
    return [id, entry];
  }),
) as Record<GlossaryId, GlossaryEntry>;
