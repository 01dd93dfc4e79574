import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LogParser, parseLog } from "../../../src/lib/parse/log-parser.ts";
import { readPrefix } from "../../../src/lib/parse/line-prefix.ts";
import type { TraceRecord } from "../../../src/lib/parse/trace-records.ts";
import { timedLines, wrap } from "../../fixtures/generators/wrap-prefixes.mjs";

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const plainText = read("traces/leak/go1.27.3/stderr.log") + read("traces/leak/go1.27.3/leak-profile.txt");

/** A record without what a prefix changes: its line numbers and wall time. */
function bare(r: TraceRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([k]) => k !== "line" && k !== "endLine" && k !== "wall"));
}

const FILES: Record<string, string> = {
  cri: "go1.27-leak-cri.txt",
  "docker-t": "go1.27-leak-docker-t.txt",
  "json-file": "go1.27-leak-json-file.txt",
  "journald-short": "go1.27-leak-journald-short.txt",
  "journald-short-iso": "go1.27-leak-journald-short-iso.txt",
};

describe("lines behind a log collector's prefix", () => {
  it.each(Object.entries(FILES))(
    "%s: the same records as the plain log, each with its line's time",
    (_format, file) => {
      const text = read(`tests/fixtures/prefixed/${file}`);
      const prefixed = parseLog(text);
      const plain = parseLog(plainText);
      expect(prefixed.map(bare)).toEqual(plain.map(bare));
      // The wall time is the prefix's own: read with a plain regex from each record's line.
      const lines = text.split("\n");
      for (const r of prefixed) {
        const line = lines[r.line - 1] ?? "";
        const wall =
          /^\{"log".*"time":"([^"]+)"\}$/.exec(line)?.[1] ?? /^(\S+ (?:[ \d]\d \S+)?)/.exec(line)?.[1]?.trim();
        expect(r.wall).toBe(wall);
      }
    },
  );

  it("CRI P pieces are put back on their line, which keeps the number of its first piece", () => {
    const text = read("tests/fixtures/prefixed/go1.27-leak-cri.txt");
    const lines = text.split("\n");
    const firstSched = lines.findIndex((l) => l.includes(" stderr P SCHED ")) + 1;
    const pieces = lines.filter((l) => l.includes(" stderr P ")).length;
    expect(pieces).toBeGreaterThan(10);
    const parser = new LogParser();
    const records = [...parser.push(text), ...parser.end()];
    expect(records.find((r) => r.kind === "sched")?.line).toBe(firstSched);
    expect(parser.prefixes).toEqual({
      lines: { cri: lines.length - 1, docker: 0, "json-file": 0, journald: 0, "journald-iso": 0 },
      joinedPieces: pieces,
    });
  });

  it("json-file entries longer than Docker's buffer, split without their newline, are one line again", () => {
    const lines = timedLines(read("traces/tick/go1.27.3/stderr.log"), "", "2026-12-01T10:00:00.5Z", 100);
    // Docker splits at 16 KiB; pacer lines are the longest here, so cut everything at 40 bytes.
    const text = wrap(lines, "json-file").replace(
      /\{"log":"((?:[^"\\]|\\.)*)\\n","stream":"stderr","time":"([^"]+)"\}/g,
      (_m, log: string, time: string) => {
        const raw = JSON.parse(`"${log}"`) as string;
        const parts = raw.match(/[\s\S]{1,40}/g) ?? [""];
        return parts
          .map((p, i) => JSON.stringify({ log: i === parts.length - 1 ? `${p}\n` : p, stream: "stderr", time }))
          .join("\n");
      },
    );
    expect(parseLog(text).map(bare)).toEqual(parseLog(read("traces/tick/go1.27.3/stderr.log")).map(bare));
  });

  it("CRI: stdout and stderr pieces may interleave; each stream's line is put back together", () => {
    const text =
      "2026-12-01T10:00:00Z stderr P gc 1 @0.003s 8%: 0.055+1.0+0.009 ms clock, \n" +
      "2026-12-01T10:00:00Z stdout F hello from the program\n" +
      "2026-12-01T10:00:00Z stderr F 0.11+0.058/0.65/0.42+0.019 ms cpu, 52->52->52 MB, 52 MB goal, 0 MB stacks, 0 MB globals, 2 P\n";
    expect(parseLog(text).map((r) => [r.kind, r.line])).toEqual([
      ["other", 2],
      ["gc", 1],
    ]);
  });

  it("program output that only looks like a prefix is read as it is", () => {
    expect(readPrefix('{"level":"info","msg":"started"}', 0, 32)).toBeNull();
    expect(readPrefix("2026/12/01 10:00:00 listening on :8080", 0, 38)).toBeNull();
    expect(readPrefix("SCHED 0ms: gomaxprocs=2", 0, 23)).toBeNull();
    expect(readPrefix("GC forced", 0, 9)).toBeNull();
    expect(readPrefix("5 @ 0x47f3aa 0x41512e", 0, 21)).toBeNull();
    expect(parseLog('{"level":"info","msg":"started"}\n')).toEqual([
      { kind: "other", line: 1, text: '{"level":"info","msg":"started"}', source: "program" },
    ]);
  });
});
