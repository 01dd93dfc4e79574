import type { Lang } from "../i18n/lang.ts";

/** A G status constant of runtime/runtime2.go. */
export interface GStatus {
  value: number;
  name: string;
  /** What it means, in our words. */
  meaning: Record<Lang, string>;
  /** The first Go version that has it, when it is newer than Go 1.19. */
  since?: string;
}

/**
 * The G status constants as Go 1.27's runtime2.go defines them (Go 1.19 has 0–9 and the scan
 * bit; 10 and 11 arrived by Go 1.26, see shared reference facts). Meanings are ours.
 */
export const G_STATUSES: readonly GStatus[] = [
  {
    value: 0,
    name: "_Gidle",
    meaning: { zh: "刚分配，还没初始化。", en: "Just allocated, not yet set up." },
  },
  {
    value: 1,
    name: "_Grunnable",
    meaning: {
      zh: "在运行队列里排队，等着被调度执行；此刻不执行用户代码。",
      en: "On a run queue, waiting for its turn; not running user code.",
    },
  },
  {
    value: 2,
    name: "_Grunning",
    meaning: { zh: "正在某个 M 和 P 上执行用户代码。", en: "Running user code, on an M that holds a P." },
  },
  {
    value: 3,
    name: "_Gsyscall",
    meaning: {
      zh: "在系统调用里，占着 M，但不执行 Go 代码。",
      en: "In a system call: it has an M but runs no Go code.",
    },
  },
  {
    value: 4,
    name: "_Gwaiting",
    meaning: {
      zh: "被运行时挂起，在等某件事（通道、锁、定时器……），不在任何运行队列上；等待原因说明它在等什么。",
      en: "Parked by the runtime until something happens (a channel, a lock, a timer…); on no run queue. The wait reason says what it waits for.",
    },
  },
  {
    value: 5,
    name: "_Gmoribund_unused",
    meaning: { zh: "不再使用，只为调试脚本保留。", en: "Unused; kept only for debugger scripts." },
  },
  {
    value: 6,
    name: "_Gdead",
    meaning: {
      zh: "未在使用：刚退出，或在空闲列表里等着被复用。",
      en: "Not in use: it has just exited, or waits on a free list to be reused.",
    },
  },
  {
    value: 7,
    name: "_Genqueue_unused",
    meaning: { zh: "不再使用。", en: "Unused." },
  },
  {
    value: 8,
    name: "_Gcopystack",
    meaning: {
      zh: "它的栈正在被搬到更大（或更小）的地方。",
      en: "Its stack is being moved to a bigger (or smaller) one.",
    },
  },
  {
    value: 9,
    name: "_Gpreempted",
    meaning: {
      zh: "为了被抢占而自行停下，还没有人接手唤醒它。",
      en: "Stopped itself to be preempted; nobody has taken charge of waking it yet.",
    },
  },
  {
    value: 10,
    name: "_Gleaked",
    since: "Go 1.26",
    meaning: {
      zh: "泄漏检测 GC 证明它永远不会再被唤醒：它等待的东西，从任何可运行的 goroutine 出发都不可达。",
      en: "A leak-checking GC proved that it can never wake: what it waits on is out of reach of every runnable goroutine.",
    },
  },
  {
    value: 11,
    name: "_Gdeadextra",
    since: "Go 1.26",
    meaning: {
      zh: "挂在 cgo 回调专用的额外 M 上、已经结束的 G。",
      en: "A dead G attached to an extra M kept for cgo callbacks.",
    },
  },
];

/** The `_Gscan` bit: added to a status while the GC scans that goroutine's stack (4 + 0x1000 = 4100). */
export const G_SCAN_BIT_VALUE = 0x1000;
