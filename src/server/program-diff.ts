// Build time: a fixed program as one listing against the program it fixes, for ProgramCell.
import { diffLines } from "diff";
import type { LineMarks } from "./highlight.ts";

/** The lines of a whole-file diff and how to mark them for highlight(). */
export interface ProgramDiff {
  /** Unchanged, removed and added lines, in order. */
  text: string;
  marks: Required<LineMarks>;
  added: number;
  removed: number;
}

/**
 * One listing of `after` against `before`: unchanged, removed (`del`) and added (`add`) lines in
 * order. Removed lines keep no number of the new file; the marks (and a visible +/−) carry the
 * meaning, not colour alone. `blockLine` (a line of `after`) is marked `blocks`, with its label.
 */
export function programDiff(before: string, after: string, blockLine?: number, blockLabel?: string): ProgramDiff {
  const lines: string[] = [];
  const classes = new Map<number, string>();
  const labels = new Map<number, string>();
  let newLine = 0;
  for (const part of diffLines(before, after)) {
    for (const text of part.value.replace(/\n$/, "").split("\n")) {
      lines.push(text);
      const at = lines.length;
      if (part.removed) {
        classes.set(at, "del");
      } else {
        newLine += 1;
        if (part.added) classes.set(at, "add");
        if (newLine === blockLine) {
          classes.set(at, `${classes.get(at) ?? ""} blocks`.trim());
          if (blockLabel) labels.set(at, blockLabel);
        }
      }
    }
  }
  const count = (kind: string): number => [...classes.values()].filter((c) => c.startsWith(kind)).length;
  return { text: lines.join("\n"), marks: { classes, labels }, added: count("add"), removed: count("del") };
}
