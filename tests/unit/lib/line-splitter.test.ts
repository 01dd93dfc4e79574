import { describe, expect, it } from "vitest";
import { LineSplitter } from "../../../src/lib/parse/line-splitter.ts";

const split = (chunks: string[], max?: number) => {
  const s = new LineSplitter(max);
  const out = chunks.flatMap((c) => s.push(c));
  return [...out, ...s.end()];
};

describe("LineSplitter", () => {
  it("numbers lines from 1 and keeps a last line without newline", () => {
    expect(split(["a\nb\nc"]).map((l) => [l.line, l.text])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
  });
  it("a final newline does not add an empty line; an empty input has no lines", () => {
    expect(split(["a\n"])).toHaveLength(1);
    expect(split([""])).toHaveLength(0);
    expect(split(["\n"]).map((l) => l.text)).toEqual([""]);
  });
  it("handles CRLF split across chunks and blank lines", () => {
    expect(split(["a\r", "\n\r\nb\r", "\n"]).map((l) => l.text)).toEqual(["a", "", "b"]);
  });
  it("joins a line spread over many chunks", () => {
    expect(split(["gc 1 @0", ".001s", " 3%", "\nnext"]).map((l) => l.text)).toEqual(["gc 1 @0.001s 3%", "next"]);
  });
  it("cuts over-long lines, says how much was dropped, and keeps counting lines", () => {
    const lines = split(["x".repeat(10), "y".repeat(10), "\nshort\n", "z".repeat(30)], 8);
    expect(lines.map((l) => [l.line, l.text, l.dropped])).toEqual([
      [1, "xxxxxxxx", 12],
      [2, "short", 0],
      [3, "zzzzzzzz", 22],
    ]);
  });
});
