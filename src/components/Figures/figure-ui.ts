import type { GoroutineState } from "../../lib/goroutine-state.ts";
import type { Lang } from "../../i18n/ui.ts";

/** The runtime2.go constant for each state a chart shows. */
export const STATE_NAMES: Record<GoroutineState, string> = {
  idle: "_Gidle",
  runnable: "_Grunnable",
  running: "_Grunning",
  syscall: "_Gsyscall",
  waiting: "_Gwaiting",
  leaked: "_Gleaked",
  dead: "_Gdead",
  copystack: "_Gcopystack",
  preempted: "_Gpreempted",
  unknown: "?",
};

/** Formats a number with a fixed count of decimals, without locale surprises. */
export function formatNumber(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** Labels and sentences of the figures, per language. */
export const FIGURE_UI = {
  zh: {
    seconds: "时间（秒）",
    mib: "MiB",
    live: "存活堆",
    goal: "堆目标",
    forcedGc: "强制 GC",
    autoGc: "自动 GC",
    program: "程序",
    gcNumber: "GC 编号",
    startSeconds: "开始（秒）",
    liveMB: "存活（MB）",
    goalMB: "目标（MB）",
    forced: "强制",
    yes: "是",
    no: "否",
    goroutines: "goroutine 数",
    describeGoroutines: (label: string, peak: number, last: number, at: number) =>
      `${label}：程序自己的 goroutine 中最多有 ${String(peak)} 个同时处于等待状态，到 ${at.toFixed(1)} 秒时还有 ${String(last)} 个。`,
    describeSeries: (label: string, n: number, first: number, last: number, at: number) =>
      `${label}：${String(n)} 次强制 GC，存活堆从第一次的 ${String(first)} MB 到最后一次（${at.toFixed(1)} 秒）的 ${String(last)} MB。`,
  },
  en: {
    seconds: "time (s)",
    mib: "MiB",
    live: "live heap",
    goal: "heap goal",
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
    describeGoroutines: (label: string, peak: number, last: number, at: number) =>
      `${label}: at most ${String(peak)} of the program's goroutines were waiting at once; at ${at.toFixed(1)} s, ${String(last)} still were.`,
    describeSeries: (label: string, n: number, first: number, last: number, at: number) =>
      `${label}: ${String(n)} forced GCs; the live heap goes from ${String(first)} MB at the first to ${String(last)} MB at the last (${at.toFixed(1)} s).`,
  },
} as const satisfies Record<Lang, unknown>;
