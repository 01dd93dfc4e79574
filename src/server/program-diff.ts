// Build time: a fixed program as one listing against the program it fixes, for ProgramCell.
import { diffLines } from "diff";
import type { LineMarks } from "./highlight.ts";

/** A run of changed lines: lines of the old file removed, lines of the new file added (1-based, inclusive). */
export interface DiffHunk {
  /** Removed lines of `before`, or null when the hunk only adds. */
  removed: { from: number; to: number } | null;
  /** Added lines of `after`, or null when the hunk only removes. */
  added: { from: number; to: number } | null;
}

/** The lines of a whole-file diff and how to mark them for highlight(). */
export interface ProgramDiff {
  /** Unchanged, removed and added lines, in order, without their signs (the marks add them). */
  text: string;
  /** `del`/`add` classes, the `blocks` line and its label, and each line's sign (`-`, `+` or a space). */
  marks: Required<LineMarks>;
  added: number;
  removed: number;
  hunks: DiffHunk[];
}

const SIGN = { del: "-", add: "+", same: " " } as const;

/**
 * One listing of `after` against `before`: unchanged, removed (`del`) and added (`add`) lines in
 * order, each with the sign a unified diff gives it, as text, so that the difference does not hang
 * on colour and a copied selection is a diff. Removed lines keep no number of the new file.
 * `blockLine` (a line of `after`) is marked `blocks`, with its label. `hunks` lists each run of
 * changes by line numbers, for a summary in words.
 */
export function programDiff(before: string, after: string, blockLine?: number, blockLabel?: string): ProgramDiff {
  const lines: string[] = [];
  const classes = new Map<number, string>();
  const labels = new Map<number, string>();
  const prefixes = new Map<number, string>();
  const hunks: DiffHunk[] = [];
  let oldLine = 0;
  let newLine = 0;
  let open: DiffHunk | null = null;
  for (const part of diffLines(before, after)) {
    const kind = part.removed ? "del" : part.added ? "add" : "same";
    if (kind === "same") open = null;
    else if (open === null) {
      open = { removed: null, added: null };
      hunks.push(open);
    }
    for (const text of part.value.replace(/\n$/, "").split("\n")) {
      lines.push(text);
      const at = lines.length;
      prefixes.set(at, SIGN[kind]);
      if (kind === "del") {
        oldLine += 1;
        classes.set(at, "del");
        if (open) open.removed = { from: open.removed?.from ?? oldLine, to: oldLine };
        continue;
      }
      newLine += 1;
      if (kind === "add") {
        classes.set(at, "add");
        if (open) open.added = { from: open.added?.from ?? newLine, to: newLine };
      } else {
        oldLine += 1;
      }
      if (newLine === blockLine) {
        classes.set(at, `${classes.get(at) ?? ""} blocks`.trim());
        if (blockLabel) labels.set(at, blockLabel);
      }
    }
  }
  const count = (kind: string): number => [...classes.values()].filter((c) => c.startsWith(kind)).length;
  return {
    text: lines.join("\n"),
    marks: { classes, labels, prefixes },
    added: count("add"),
    removed: count("del"),
    hunks,
  };
}
