import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteSink, CHUNK_BYTES } from "../../../src/cli/byte-sink.ts";
import { CsvWriter } from "../../../src/cli/csv-writer.ts";
import { writeJsonLine } from "../../../src/cli/jsonl-writer.ts";
import { RECORD_FIELDS } from "../../../src/cli/record-fields.ts";
import { LogParser } from "../../../src/lib/parse/log-parser.ts";
import { csvHeader, recordToCsv } from "../../../src/lib/parse/records-csv.ts";
import { RECORD_KINDS, type TraceRecord } from "../../../src/lib/parse/trace-records.ts";

// The CLI writes records with its own writers (src/cli/jsonl-writer.ts, csv-writer.ts) instead of
// JSON.stringify and recordToCsv, for speed; their bytes must be exactly those the stream wrote
// before: JSON.stringify(record) + "\n" and recordToCsv(record), encoded as UTF-8.

const root = fileURLToPath(new URL("../../../", import.meta.url));
const textFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(txt|log)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
/** Every committed log: the fixtures and the recordings' stderr and leak profiles. */
const LOGS = [...textFiles("tests/fixtures"), ...textFiles("traces")];

const parseAll = (text: string): TraceRecord[] => {
  const parser = new LogParser();
  return [...parser.push(text), ...parser.end()];
};

const jsonBytes = (records: readonly TraceRecord[]): Buffer => {
  const sink = new ByteSink();
  for (const r of records) writeJsonLine(sink, r);
  return Buffer.concat(sink.take());
};
const csvBytes = (records: readonly TraceRecord[]): Buffer => {
  const sink = new ByteSink();
  const csv = new CsvWriter(sink);
  csv.header();
  for (const r of records) csv.write(r);
  return Buffer.concat(sink.take());
};
const expectedJson = (records: readonly TraceRecord[]): Buffer =>
  Buffer.from(records.map((r) => JSON.stringify(r) + "\n").join(""), "utf8");
const expectedCsv = (records: readonly TraceRecord[]): Buffer =>
  Buffer.from(csvHeader() + records.map(recordToCsv).join(""), "utf8");

const allRecords = LOGS.flatMap((file) => parseAll(readFileSync(file, "utf8")));

describe("the CLI's record writers give the bytes of JSON.stringify and recordToCsv", () => {
  it("the committed logs hold every kind of record", () => {
    expect(LOGS.length).toBeGreaterThan(30);
    expect(new Set(allRecords.map((r) => r.kind))).toEqual(new Set(RECORD_KINDS));
  });

  // The writers are compiled from this table: a field the parser adds, drops or moves and the
  // table does not is named here (the type check also catches an added or retyped field).
  it("the writers' field table lists each kind's fields in the order the parser builds them", () => {
    for (const r of allRecords) {
      const own = Object.keys(r).filter((k) => k !== "kind" && k !== "line" && k !== "wall");
      expect([r.kind, ...own]).toEqual([r.kind, ...Object.keys(RECORD_FIELDS[r.kind])]);
    }
  });

  it.each(LOGS.map((f) => [f.slice(root.length), f]))("%s", (_name, file) => {
    const records = parseAll(readFileSync(file, "utf8"));
    expect(jsonBytes(records).equals(expectedJson(records))).toBe(true);
    expect(csvBytes(records).equals(expectedCsv(records))).toBe(true);
  });

  // Records of the parser's own shapes (field order included) with their values replaced by any
  // string and any number: escapes, non-ASCII, lone surrogates, edge spaces, NaN, -0, 1e21, …
  const someString = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({
      unit: fc.constantFrom(
        " ",
        '"',
        ",",
        "\\",
        "\r",
        "\n",
        "\t",
        "\u0001",
        "\u007f",
        "\u0080",
        "\u00a0",
        "\u2028",
        "é",
      ),
    }),
  );
  const someNumber = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000),
  );
  const replaced = (value: unknown, s: fc.Stream<string>, n: fc.Stream<number>): unknown => {
    if (typeof value === "string") return s.next().value;
    if (typeof value === "number") return n.next().value;
    if (Array.isArray(value)) return value.map((v: unknown) => replaced(v, s, n));
    if (typeof value === "object" && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "kind" ? v : replaced(v, s, n)]));
    return value;
  };
  const samples = RECORD_KINDS.map((kind) => allRecords.filter((r) => r.kind === kind).slice(0, 20)).flat();

  it("records of every kind with any strings and numbers in their fields", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.infiniteStream(someString),
        fc.infiniteStream(someNumber),
        (sample, strings, numbers) => {
          const record = replaced(sample, strings, numbers) as TraceRecord;
          expect(jsonBytes([record]).toString("utf8")).toBe(expectedJson([record]).toString("utf8"));
          expect(csvBytes([record]).toString("utf8")).toBe(expectedCsv([record]).toString("utf8"));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a buffer's worth and more: records across the sink's buffers come out whole and in order", () => {
    const records = allRecords;
    const expected = expectedJson(records);
    expect(expected.length).toBeGreaterThan(CHUNK_BYTES);
    expect(jsonBytes(records).equals(expected)).toBe(true);
    expect(csvBytes(records).equals(expectedCsv(records))).toBe(true);
  });
});
