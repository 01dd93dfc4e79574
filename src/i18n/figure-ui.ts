import type { GoroutineState } from "../lib/recording/goroutine-state.ts";
import type { Lang } from "./ui.ts";

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
    colon: "：",
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
      `${label}：程序自己的 goroutine 最多有 ${String(peak)} 个同时在等待，到 ${at.toFixed(1)} 秒时还有 ${String(last)} 个在等待。`,
    describeSeries: (label: string, n: number, first: number, last: number, at: number) =>
      `${label}：gctrace 中有 ${String(n)} 行标着 (forced)，存活堆在第一行是 ${String(first)} MB，在最后一行（${at.toFixed(1)} 秒）是 ${String(last)} MB。`,
  },
  en: {
    seconds: "time (s)",
    colon: ": ",
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
      `${label}: at most ${String(peak)} of the program's goroutines waiting at once, and ${String(last)} still waiting at ${at.toFixed(1)} s.`,
    describeSeries: (label: string, n: number, first: number, last: number, at: number) =>
      `${label}: ${String(n)} gctrace lines marked (forced); the live heap was ${String(first)} MB at the first and ${String(last)} MB at the last (${at.toFixed(1)} s).`,
  },
} as const satisfies Record<Lang, unknown>;
