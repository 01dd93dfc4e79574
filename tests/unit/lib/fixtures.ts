import { readFileSync } from "node:fs";

/** Reads a committed log fixture (tests/fixtures/logs). */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), "utf8");
}

/** Number of lines as an editor counts them: a final newline does not start another line. */
export function lineCount(text: string): number {
  if (text === "") return 0;
  const n = text.split("\n").length;
  return text.endsWith("\n") ? n - 1 : n;
}
