import type { Lang } from "./ui.ts";

/** Labels of the notebook cells, per language. */
export const CELL_UI = {
  zh: {
    program: "程序",
    command: "命令",
    output: "输出",
    figure: "图",
    copy: "复制",
    copied: "已复制",
    line: (n: number) => `第 ${String(n)} 行`,
    moreLines: (n: number) => `……还有 ${String(n)} 行（展开）`,
    hideLines: (n: number) => `收起这 ${String(n)} 行`,
    recordedWith: "记录于",
    data: "数据表",
    diff: "与 leak 的差异",
  },
  en: {
    program: "Program",
    command: "Command",
    output: "Output",
    figure: "Figure",
    copy: "Copy",
    copied: "Copied",
    line: (n: number) => `Line ${String(n)}`,
    moreLines: (n: number) => `… ${String(n)} more lines (show)`,
    hideLines: (n: number) => `Hide these ${String(n)} lines`,
    recordedWith: "Recorded with",
    data: "Data table",
    diff: "Diff against leak",
  },
} as const satisfies Record<Lang, unknown>;
