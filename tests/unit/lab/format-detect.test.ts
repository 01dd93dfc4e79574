import { describe, expect, it } from "vitest";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import { FormatDetector, versionRange, type FormatClueCode } from "../../../src/lib/lab/format-detect.ts";
import { fixture } from "../lib/fixtures.ts";

function detect(text: string): { codes: FormatClueCode[]; range: ReturnType<typeof versionRange> } {
  const d = new FormatDetector();
  d.text(text);
  for (const r of parseLog(text)) d.record(r);
  const clues = d.clues();
  return { codes: clues.map((c) => c.code), range: versionRange(clues) };
}

describe("format detection", () => {
  it("places a Go 1.19 scheddetail log at 1.18–1.20", () => {
    const { codes, range } = detect(fixture("go1.19-leak-scheddetail.txt"));
    expect(codes).toEqual(
      expect.arrayContaining(["gctrace-stacks", "scheddetail", "no-needspinning", "ids-minus-one", "flags-int"]),
    );
    expect(range).toEqual({ min: [1, 18], max: [1, 20], conflict: false });
  });

  it("places a Go 1.27 leak-check log at 1.26 or later", () => {
    const { codes, range } = detect(fixture("go1.27-leak-scheddetail.txt"));
    expect(codes).toEqual(expect.arrayContaining(["leak-check", "needspinning", "ids-nil", "flags-bool"]));
    expect(range.min).toEqual([1, 26]);
    expect(range.max).toBeNull();
  });

  it("reads spaced run queues and schedticks as Go 1.25+, and the 1.21 scav form", () => {
    const { codes, range } = detect(fixture("go1.26-tick-schedtrace-scav-pacer.txt"));
    expect(codes).toEqual(expect.arrayContaining(["schedtrace", "runq-spaced", "schedticks", "scav-1.21", "pacer"]));
    expect(range.min).toEqual([1, 25]);
  });

  it("reads tight run queues and the 1.19 scav form as before 1.21", () => {
    const { codes, range } = detect(fixture("go1.19-tick-schedtrace-scav-pacer.txt"));
    expect(codes).toEqual(expect.arrayContaining(["runq-tight", "scav-1.19"]));
    expect(range).toEqual({ min: [1, 19], max: [1, 20], conflict: false });
  });

  it("reports a conflict when two runtimes' output is mixed", () => {
    const { range } = detect(fixture("go1.19-leak-scheddetail.txt") + fixture("go1.27-leak-scheddetail.txt"));
    expect(range.conflict).toBe(true);
  });

  it("notices CRLF line ends and the old gctrace without stacks", () => {
    const { codes, range } = detect(
      "gc 1 @0.002s 4%: 0.071+0.61+0.005 ms clock, 0.14+0.098/0.13/0.47+0.011 ms cpu, 3->3->3 MB, 4 MB goal, 2 P\r\n",
    );
    expect(codes).toEqual(["gctrace", "gctrace-no-stacks", "crlf"]);
    expect(range.max).toEqual([1, 17]);
  });
});
