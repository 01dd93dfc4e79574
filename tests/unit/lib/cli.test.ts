import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main.ts";
import { CSV_COLUMNS } from "../../../src/lib/parse/records-csv.ts";
import { ERROR_REASONS } from "../../../src/lib/parse/trace-records.ts";
import { fixture, lineCount } from "./fixtures.ts";

const bin = fileURLToPath(new URL("../../../bin/blocked-forever.mjs", import.meta.url));
const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/logs/${name}`, import.meta.url));

/** Collects what is written to a stream. */
function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** Runs the CLI's main() in this process, as bin/blocked-forever.mjs does, with test streams. */
const run = async (args: string[], input?: string | Buffer) => {
  const stdout = sink();
  const stderr = sink();
  const stdin = Readable.from(input === undefined ? [] : [typeof input === "string" ? Buffer.from(input) : input]);
  const code = await main(args, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
};
const jsonl = (s: string) =>
  s
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

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

  it("torn input: exit 0 with error records, exit 1 with --strict", async () => {
    const plain = await run(["parse", fixturePath("go1.26-torn-gctrace.txt")]);
    expect(plain.code).toBe(0);
    expect(jsonl(plain.stdout).filter((x) => x["kind"] === "error").length).toBeGreaterThan(0);
    const strict = await run(["parse", "--strict", fixturePath("go1.26-torn-gctrace.txt")]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(plain.stdout);
    expect(strict.stderr).toBe("blocked-forever: 6 lines are error records (5 torn-piece, 1 malformed-gctrace)\n");
    expect((await run(["parse", "--strict", fixturePath("go1.26-leak-scheddetail.txt")])).code).toBe(0);
  });

  it("every error record carries a reason code, in JSON and in CSV", async () => {
    const plain = await run(["parse", fixturePath("go1.26-torn-gctrace.txt")]);
    const errors = jsonl(plain.stdout).filter((x) => x["kind"] === "error");
    expect(errors.map((x) => x["reason"])).toEqual(["malformed-gctrace", ...Array<string>(5).fill("torn-piece")]);
    expect(errors[0]).toEqual({
      kind: "error",
      line: 5,
      reason: "malformed-gctrace",
      text: "gc goroutines: 3",
      message: "malformed gctrace line (torn by other output?)",
    });
    const csv = (await run(["parse", "--format", "csv", fixturePath("go1.26-torn-gctrace.txt")])).stdout.split("\r\n");
    const row = csv.find((r) => r.startsWith("error,5,"))!.split(",");
    expect(row[CSV_COLUMNS.indexOf("reason")]).toBe("malformed-gctrace");
  });

  it("docs/cli.md shows the CSV header and every reason code", async () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/cli.md", import.meta.url)), "utf8");
    expect(doc).toContain(`\n${CSV_COLUMNS.join(",")}\n`);
    for (const reason of ERROR_REASONS) expect(doc).toContain(`\`${reason}\``);
    const help = (await run(["--help"])).stdout;
    for (const reason of ERROR_REASONS) expect(help).toContain(reason);
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
    expect(r.stdout.split("\r\n")[1]).toBe(
      `other,1,${",".repeat(CSV_COLUMNS.length - 5)}"he said ""hi"", twice",program,`,
    );
  });

  it("a binary file gives error records, not a crash", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bf-cli-"));
    const file = join(dir, "blob.bin");
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0xff, 0xfe, 0x0a, 0x67, 0x63, 0x0a, 0xc3, 0x28]));
    const r = await run(["parse", file]);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).map((x) => [x["line"], x["kind"], x["message"]])).toEqual([
      [1, "error", "binary data (NUL byte or invalid UTF-8)"],
      [2, "other", undefined],
      [3, "error", "binary data (NUL byte or invalid UTF-8)"],
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
    for (const kind of ["gc", "gc-forced", "scav", "sched", "p", "m", "g", "other", "error"])
      expect(help.stdout).toMatch(new RegExp(`^  ${kind} `, "m"));
    expect((await run(["--version"])).stdout).toMatch(/^blocked-forever \d+\.\d+\.\d+\n$/);
  });

  it("runs as a command: bin/blocked-forever.mjs gives what main() gives, and its exit code", async () => {
    const file = fixturePath("go1.26-torn-gctrace.txt");
    const spawned = spawnSync(process.execPath, [bin, "parse", "--strict", file], { encoding: "utf8" });
    const inProcess = await run(["parse", "--strict", file]);
    expect(spawned.status).toBe(1);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stdout).toBe(inProcess.stdout);
  });
});
