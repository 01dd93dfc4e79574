import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LogParser, parseLog } from "../../../src/lib/parse/log-parser.ts";
import { formatGctraceLine, parseGctraceLine } from "../../../src/lib/parse/parse-gctrace.ts";
import type { GcRecord } from "../../../src/lib/parse/trace-records.ts";
import { coveredLines, fixture, lineCount, oneTo } from "./fixtures.ts";

// Lines worth mixing: real runtime lines of every kind, plus fragments and noise.
const realLines = [
  ...fixture("go1.19-leak-scheddetail.txt").split("\n").slice(0, 40),
  ...fixture("go1.27-tick-schedtrace-scav-pacer.txt").split("\n").slice(0, 30),
  ...fixture("go1.26-torn-gctrace.txt").split("\n").slice(0, 20),
];
const lineArb = fc.oneof(fc.constantFrom(...realLines), fc.string(), fc.string({ unit: "binary" }));

// Millisecond figures the runtime can print (fmtNSAsMS): 0, two significant digits below 10 ms,
// whole ms above.
const msArb = fc.oneof(
  fc.constant(0),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom(1, 2, 3)).map(([x, d]) => x / 10 ** d),
  fc.integer({ min: 10, max: 100000 }),
);
const mbArb = fc.integer({ min: 0, max: 1 << 20 });
const gcArb: fc.Arbitrary<GcRecord> = fc
  .record({
    n: fc.integer({ min: 1, max: 1e9 }),
    t: fc.integer({ min: 0, max: 1e9 }).map((ms) => ms / 1000),
    cpuPercent: fc.integer({ min: 0, max: 100 }),
    clockMs: fc.tuple(msArb, msArb, msArb),
    cpuMs: fc.tuple(msArb, msArb, msArb, msArb, msArb),
    heapMB: fc.tuple(mbArb, mbArb, mbArb),
    goalMB: mbArb,
    scan: fc.option(fc.tuple(mbArb, mbArb)),
    procs: fc.integer({ min: 1, max: 1024 }),
    forced: fc.boolean(),
    leakCheck: fc.boolean(),
  })
  .map(({ scan, ...r }) => ({ kind: "gc", line: 1, ...r, stacksMB: scan?.[0] ?? null, globalsMB: scan?.[1] ?? null }));

describe("parser properties", () => {
  it("never throws; every input line has a record or is named by one; records come in line order", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 40 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        (lines, eol, finalEol) => {
          const text = lines.join(eol) + (finalEol && lines.length > 0 ? eol : "");
          const records = parseLog(text);
          expect(coveredLines(records)).toEqual(oneTo(lineCount(text)));
          const order = records.map((r) => r.line);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary bytes decoded as UTF-8, fed in arbitrary chunks", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), (bytes, size) => {
        const decoder = new TextDecoder();
        const parser = new LogParser();
        const records = [];
        for (let i = 0; i < bytes.length; i += size) {
          records.push(...parser.push(decoder.decode(bytes.subarray(i, i + size), { stream: true })));
        }
        records.push(...parser.push(decoder.decode()), ...parser.end());
        const text = new TextDecoder().decode(bytes);
        expect(coveredLines(records)).toEqual(oneTo(lineCount(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("a line with invalid UTF-8 or a NUL byte always gives an error; at its ends, the rest is read too", () => {
    fc.assert(
      fc.property(fc.constantFrom(...realLines), fc.nat(), fc.constantFrom("\u0000", "\uFFFD"), (line, at, bad) => {
        const i = at % (line.length + 1);
        const records = parseLog(line.slice(0, i) + bad + line.slice(i));
        const edge = i === 0 || i === line.length;
        expect(records.filter((r) => r.kind === "error").map((r) => r.reason)).toContain(
          edge && line !== "" ? "bad-bytes" : "binary-data",
        );
        if (edge && line !== "") {
          const alone = parseLog(line)[0];
          expect(records[0]).toEqual(alone);
        }
      }),
    );
  });

  it("a gc record formatted as a line parses back to the same record", () => {
    fc.assert(
      fc.property(gcArb, (record) => {
        expect(parseGctraceLine(formatGctraceLine(record), 1)).toEqual(record);
      }),
      { numRuns: 500 },
    );
  });
});
