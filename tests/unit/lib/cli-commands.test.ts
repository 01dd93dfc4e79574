import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { jsonl, runCli as run } from "./cli-run.ts";

const bin = fileURLToPath(new URL("../../../bin/blocked-forever.mjs", import.meta.url));
const path = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const read = (p: string) => readFileSync(path(p), "utf8");

const tmp = () => mkdtempSync(join(tmpdir(), "bf-cli-"));

// Expectations from the text with plain regexes, not from the parser.
const GC_LINE = /^gc \d+ @\d+\.\d+s \d+%.*, \d+ P( \(forced\))?$/gm;

describe("blocked-forever summary", () => {
  it("prints the lab's summary of a recording: GC cycles, peak live heap, goroutines live and leaked", async () => {
    const text = read("traces/leak/go1.27.3/stderr.log");
    const r = await run(["summary", "--json", path("traces/leak/go1.27.3/stderr.log")]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    const gcs = text.match(GC_LINE) ?? [];
    expect(s["gc"]).toMatchObject({
      cycles: gcs.length,
      forced: gcs.filter((l) => l.endsWith("(forced)")).length,
      peakLiveMB: Math.max(...gcs.map((l) => Number(/->(\d+) MB,/.exec(l)?.[1]))),
    });
    const last = text.slice(text.lastIndexOf("\nSCHED ") + 1).split("\n");
    const gLines = last.filter((l) => /^ {2}G\d+: /.test(l));
    expect(s["goroutines"]).toMatchObject({
      leaked: gLines.filter((l) => l.includes("status=10(")).length,
      live: gLines.filter((l) => !/status=(?:6|11)\(/.test(l)).length,
    });
    expect(s["go"]).toEqual({ min: "1.26", max: null, conflict: false });
  });

  it("reads a gzip-compressed, CRI-prefixed log as the plain one, and names its dumps", async () => {
    const dir = tmp();
    const file = join(dir, "pod.log.1");
    writeFileSync(file, gzipSync(readFileSync(path("tests/fixtures/prefixed/go1.27-leak-cri.txt"))));
    const gz = JSON.parse((await run(["summary", "--json", file])).stdout) as Record<string, Record<string, unknown>>;
    const plain = JSON.parse(
      (await run(["summary", "--json", path("traces/leak/go1.27.3/stderr.log")])).stdout,
    ) as Record<string, Record<string, unknown>>;
    expect({ ...gz["gc"], peakLiveLine: 0 }).toEqual({ ...plain["gc"], peakLiveLine: 0 });
    expect(gz["prefix"]?.["lines"]).toEqual({
      cri: read("tests/fixtures/prefixed/go1.27-leak-cri.txt").split("\n").length - 1,
    });
    expect(gz["dumps"]).toMatchObject({ count: 1, dumps: [{ kind: "leak-profile", leaked: 5 }] });
  });

  it("counts a goroutine dump's groups; text for people says the same", async () => {
    const file = path("tests/fixtures/dumps/go1.27-grow-two-dumps.txt");
    const s = JSON.parse((await run(["summary", "--json", file])).stdout) as {
      dumps: { count: number; dumps: { goroutines: number; top: { count: number; where: string }[] }[] };
    };
    const text = read("tests/fixtures/dumps/go1.27-grow-two-dumps.txt");
    const [first = "", second = ""] = text.split("dumps: goroutine dump 2 of 2");
    const collectors = (t: string) => (t.match(/^main\.collect\.func1\(\)$/gm) ?? []).length;
    expect(s.dumps.count).toBe(2);
    expect(s.dumps.dumps.map((d) => d.top[0]?.count)).toEqual([collectors(first), collectors(second)]);
    expect(s.dumps.dumps[1]?.top[0]?.where).toBe("main.collect.func1 dumps/main.go:39");
    const words = (await run(["summary", file])).stdout;
    expect(words).toMatch(/^goroutine dumps: +2$/m);
    expect(words).toContain(`${collectors(second)} chan receive at main.collect.func1 dumps/main.go:39`);
  });
});

describe("blocked-forever parse reads prefixes, dumps and .gz", () => {
  it("standard input holding gzip data is inflated", async () => {
    const text = read("tests/fixtures/dumps/go1.27-goroutineleak-debug2.txt");
    const plain = await run(["parse", "-"], Buffer.from(text));
    const gz = await run(["parse", "-"], gzipSync(text));
    expect(gz.stdout).toBe(plain.stdout);
    expect(jsonl(gz.stdout).filter((r) => r["kind"] === "goroutine" && r["leaked"] === true)).toHaveLength(
      (text.match(/\(leaked\)\]:$/gm) ?? []).length,
    );
  });

  it("a cut-short .gz: what came before is written, then one line says so, exit 2", async () => {
    const whole = gzipSync(read("traces/leak/go1.27.3/stderr.log"));
    const r = await run(["parse", "-"], whole.subarray(0, Math.floor(whole.length / 2)));
    expect(r.code).toBe(2);
    expect(jsonl(r.stdout).length).toBeGreaterThan(100);
    expect(r.stderr).toMatch(
      /^blocked-forever: cannot read standard input: its gzip data is damaged or cut short \(.+\)\n$/,
    );
  });
});

describe("a failed write is one line and exit 2", () => {
  it("> /dev/full", () => {
    // A shell redirect, as a user writes it.
    const full = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${bin}" parse "${path("traces/leak/go1.27.3/stderr.log")}" > /dev/full`],
      {
        encoding: "utf8",
      },
    );
    expect(full.status).toBe(2);
    expect(full.stderr).toBe("blocked-forever: cannot write the output: no space left on the device (ENOSPC)\n");
  });

  it("a pipe whose reader has gone", async () => {
    const child = spawn(process.execPath, [bin, "parse", path("traces/leak/go1.27.3/stderr.log")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
    expect(stderr).toBe("blocked-forever: cannot write the output: the program reading it closed the pipe (EPIPE)\n");
  });
});
