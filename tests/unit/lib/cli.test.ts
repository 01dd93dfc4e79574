import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../../src/lib/parse/records-csv.ts";
import { ERROR_REASONS, NOTE_REASONS, RECORD_KINDS } from "../../../src/lib/parse/trace-records.ts";
import { jsonl, runCli as run } from "./cli-run.ts";
import { fixture, lineCount } from "./fixtures.ts";

const bin = fileURLToPath(new URL("../../../bin/blocked-forever.mjs", import.meta.url));
const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/logs/${name}`, import.meta.url));
const malformed = fileURLToPath(new URL("../../fixtures/lab/malformed.txt", import.meta.url));

describe("blocked-forever parse", () => {
  it("writes one JSON record per input line, in order, and exits 0", async () => {
    const r = await run(["parse", fixturePath("go1.27-leak-scheddetail.txt")]);
    expect(r.code).toBe(0);
    const records = jsonl(r.stdout);
    expect(records.map((x) => x["line"])).toEqual(
      Array.from({ length: lineCount(fixture("go1.27-leak-scheddetail.txt")) }, (_, i) => i + 1),
    );
    expect(records.find((x) => x["kind"] === "gc" && x["leakCheck"] === true)).toMatchObject({
      n: 5,
      forced: true,
      heapMB: [50, 50, 50],
    });
  });

  it("reads standard input with '-'", async () => {
    const r = await run(["parse", "-"], fixture("go1.19-idle-gc-forced.txt"));
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).map((x) => x["kind"])).toContain("gc-forced");
  });

  it("bad lines: exit 0 with error records, exit 1 with --strict", async () => {
    const plain = await run(["parse", malformed]);
    expect(plain.code).toBe(0);
    expect(jsonl(plain.stdout).filter((x) => x["kind"] === "error").length).toBeGreaterThan(0);
    const strict = await run(["parse", "--strict", malformed]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(plain.stdout);
    // tests/fixtures/lab/README.md: lines 4, 5, 6, 7 and 9.
    expect(strict.stderr).toBe(
      "blocked-forever: 5 lines are error records (1 malformed-g, 1 malformed-gctrace, 1 malformed-scavtrace, 1 malformed-sched, 1 torn-line)\n",
    );
    expect((await run(["parse", "--strict", fixturePath("go1.26-leak-scheddetail.txt")])).code).toBe(0);
    // A torn line that is put back together is no error.
    expect((await run(["parse", "--strict", fixturePath("go1.26-torn-gctrace.txt")])).code).toBe(0);
  });

  it("every error record carries a reason code, in JSON and in CSV", async () => {
    const plain = await run(["parse", malformed]);
    const errors = jsonl(plain.stdout).filter((x) => x["kind"] === "error");
    expect(errors.map((x) => [x["line"], x["reason"]])).toEqual([
      [4, "malformed-gctrace"],
      [5, "malformed-sched"],
      [6, "malformed-g"],
      [7, "torn-line"],
      [9, "malformed-scavtrace"],
    ]);
    expect(errors[1]).toEqual({
      kind: "error",
      line: 5,
      reason: "malformed-sched",
      text: "SCHED 102ms: gomaxprocs=2 idleprocs=2 threads=4",
      message: "malformed schedtrace SCHED line (torn by other output?)",
    });
    const csv = (await run(["parse", "--format", "csv", malformed])).stdout.split("\r\n");
    const row = csv.find((r) => r.startsWith("error,5,"))!.split(",");
    expect(row[CSV_COLUMNS.indexOf("reason")]).toBe("malformed-sched");
  });

  it("docs/cli.md shows the CSV header and every reason code", async () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/cli.md", import.meta.url)), "utf8");
    expect(doc).toContain(`\n${CSV_COLUMNS.join(",")}\n`);
    for (const reason of [...ERROR_REASONS, ...NOTE_REASONS]) expect(doc).toContain(`\`${reason}\``);
    for (const kind of RECORD_KINDS) expect(doc).toMatch(new RegExp(`^### .*\`${kind}\``, "m"));
    const help = (await run(["--help"])).stdout;
    for (const reason of [...ERROR_REASONS, ...NOTE_REASONS]) expect(help).toContain(reason);
  });

  it("CSV: a header with every column, then one row per line with arrays joined by ';'", async () => {
    const r = await run(["parse", "--format", "csv", fixturePath("go1.19-leak-scheddetail.txt")]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\r\n");
    expect(rows[0]).toBe(CSV_COLUMNS.join(","));
    expect(rows.at(-1)).toBe("");
    expect(rows).toHaveLength(lineCount(fixture("go1.19-leak-scheddetail.txt")) + 2);
    const gc = rows.find((row) => row.startsWith("gc,13,"))!.split(",");
    expect(gc[CSV_COLUMNS.indexOf("clockMs")]).toBe("0.008;0.09;0.001");
    expect(gc[CSV_COLUMNS.indexOf("heapMB")]).toBe("10;10;10");
    const g = rows.find((row) => row.includes("GC worker (idle)"))!.split(",");
    expect(g[CSV_COLUMNS.indexOf("m")]).toBe("");
  });

  it("CSV quotes text with commas and quotes (RFC 4180)", async () => {
    const r = await run(["parse", "--format=csv", "-"], 'he said "hi", twice\n');
    const cells: Record<string, string> = {
      kind: "other",
      line: "1",
      text: '"he said ""hi"", twice"',
      source: "program",
    };
    expect(r.stdout.split("\r\n")[1]).toBe(CSV_COLUMNS.map((c) => cells[c] ?? "").join(","));
  });

  it("a binary file gives error records, not a crash; text at a line's ends is kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bf-cli-"));
    const file = join(dir, "blob.bin");
    const bytes = [
      0x7f, 0x45, 0x4c, 0x46, 0x00, 0xff, 0xfe, 0x0a, 0x67, 0x63, 0x0a, 0xc3, 0x28, 0x0a, 0x41, 0x00, 0x42,
    ];
    writeFileSync(file, Buffer.from(bytes));
    const r = await run(["parse", file]);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).map((x) => [x["line"], x["kind"], x["reason"] ?? x["text"]])).toEqual([
      [1, "other", "\u007fELF"],
      [1, "error", "bad-bytes"],
      [2, "other", "gc"],
      [3, "other", "("],
      [3, "error", "bad-bytes"],
      [4, "error", "binary-data"],
    ]);
  });

  it("exit 2 with one line on stderr for a missing file or a directory", async () => {
    const missing = await run(["parse", "/no/such/file.log"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("blocked-forever: cannot read /no/such/file.log: no such file\n");
    expect(missing.stdout).toBe("");
    const dir = await run(["parse", tmpdir()]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe(`blocked-forever: cannot read ${tmpdir()}: is a directory\n`);
  });

  it("exit 2 for unknown flags, a bad format or no file", async () => {
    for (const args of [["parse", "--bogus", "x"], ["parse", "--format", "xml", "x"], ["parse"], ["frobnicate"], []]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^blocked-forever: .+\nTry 'blocked-forever --help'\.\n$/);
    }
  });

  it("--help lists every kind; --version prints the package version", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    for (const kind of RECORD_KINDS) expect(help.stdout).toMatch(new RegExp(`^  ${kind} `, "m"));
    expect((await run(["--version"])).stdout).toMatch(/^blocked-forever \d+\.\d+\.\d+\n$/);
  });

  it("runs as a command: bin/blocked-forever.mjs gives what main() gives, and its exit code", async () => {
    const file = malformed;
    const spawned = spawnSync(process.execPath, [bin, "parse", "--strict", file], { encoding: "utf8" });
    const inProcess = await run(["parse", "--strict", file]);
    expect(spawned.status).toBe(1);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stdout).toBe(inProcess.stdout);
  });
});
