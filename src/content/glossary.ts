import type { Lang } from "../i18n/ui.ts";

/** A glossary entry: the term and a short definition, per language. */
export interface GlossaryEntry {
  term: Record<Lang, string>;
  definition: Record<Lang, string>;
}

/** The notes that open on hover, focus or tap; without JavaScript they are a list at the end. */
export const GLOSSARY = {
  g: {
    term: { zh: "G", en: "G" },
    definition: {
      zh: "运行时对 goroutine 的称呼：一个 g 结构体，记着它的栈、状态和等待原因。schedtrace 里的 G19 就是编号 19 的 goroutine。",
      en: "The runtime's name for a goroutine: a g struct holding its stack, its status and why it waits. G19 in schedtrace output is goroutine 19.",
    },
  },
  m: {
    term: { zh: "M", en: "M" },
    definition: {
      zh: "machine，一个操作系统线程。G 要在某个 M 上才能运行。",
      en: "A machine: an operating-system thread. A G runs only while some M executes it.",
    },
  },
  p: {
    term: { zh: "P", en: "P" },
    definition: {
      zh: "processor，执行 Go 代码的许可，带有自己的可运行队列。M 必须持有一个 P 才能运行 G；P 的个数就是 GOMAXPROCS。",
      en: "A processor: the right to run Go code, with its own queue of runnable Gs. An M must hold a P to run a G; there are GOMAXPROCS of them.",
    },
  },
  gomaxprocs: {
    term: { zh: "GOMAXPROCS", en: "GOMAXPROCS" },
    definition: {
      zh: "同时执行 Go 代码的 P 的个数。我们的记录都在 GOMAXPROCS=2 下完成，所以 gctrace 每行结尾都是 “2 P”。",
      en: "How many Ps may run Go code at once. Our recordings ran with GOMAXPROCS=2, which is why every gctrace line ends in “2 P”.",
    },
  },
  "live-heap": {
    term: { zh: "存活堆", en: "live heap" },
    definition: {
      zh: "上一轮 GC 标记为仍然可达的堆内存。gctrace 里 X->Y->Z MB 的 Z 就是它。",
      en: "Heap memory the last GC marked as still reachable. It is the Z in gctrace's X->Y->Z MB.",
    },
  },
  "heap-goal": {
    term: { zh: "堆目标", en: "heap goal" },
    definition: {
      zh: "运行时打算在堆长到多大时结束下一轮 GC。默认 GOGC=100 时，大约是存活堆的两倍（再加上栈和全局变量）。",
      en: "The heap size at which the runtime aims to finish the next GC. With the default GOGC=100 it is about twice the live heap (plus stacks and globals).",
    },
  },
  "forced-gc": {
    term: { zh: "强制 GC", en: "forced GC" },
    definition: {
      zh: "由 runtime.GC() 调用触发的回收，gctrace 行末会标上 (forced)。每两分钟一次的周期 GC 不算，它前面另有一行 GC forced。",
      en: "A collection started by a runtime.GC() call; its gctrace line ends in (forced). The periodic two-minute GC is not one: it is announced by a separate “GC forced” line instead.",
    },
  },
  "wait-reason": {
    term: { zh: "等待原因", en: "wait reason" },
    definition: {
      zh: "goroutine 停下来时运行时记下的理由，如 chan receive、select、sleep。只有状态为等待（4）时它才是当前的，其他状态下显示的是上一次停下的原因。",
      en: "Why the runtime parked a goroutine: chan receive, select, sleep… It is current only while the status is waiting (4); in other states scheddetail still shows the last reason.",
    },
  },
  stw: {
    term: { zh: "停止世界（STW）", en: "stop the world" },
    definition: {
      zh: "所有 goroutine 都暂停的短暂阶段。GC 在开头（清扫终止）和结尾（标记终止）各有一次，gctrace 的时钟三段中第一和第三段就是它们。",
      en: "A short phase in which every goroutine is paused. A GC has one at its start (sweep termination) and one at its end (mark termination): the first and third of gctrace's clock times.",
    },
  },
} as const satisfies Record<string, GlossaryEntry>;

/** The id of a glossary entry. */
export type GlossaryId = keyof typeof GLOSSARY;
