// The lab's analysis of goroutine dumps, logs of several runs, and compressed files.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compareDumps } from "../../../src/lib/lab/dump-analysis.ts";
import { isStdFrame } from "../../../src/lib/lab/goroutine-groups.ts";
import { LabAnalysis } from "../../../src/lib/lab/lab-analysis.ts";
import { chartLines, LAB_CHARTS } from "../../../src/lib/lab/lab-charts.ts";
import type { LabSummary } from "../../../src/lib/lab/lab-summary.ts";
import { analyseSource } from "../../../src/lib/lab/read-source.ts";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

function analyse(text: string, run: number | null = null): LabSummary {
  const a = new LabAnalysis({ run });
  a.text(text);
  a.addAll(parseLog(text));
  return a.summary();
}

describe("goroutine dumps in the lab", () => {
  it.each(["1.19", "1.26", "1.27"])("Go %s: goroutines grouped by state and stack, counted as printed", (v) => {
    const text = read(`tests/fixtures/dumps/go${v}-goroutine-debug2.txt`);
    const [d] = analyse(text).dumps.dumps;
    const states = [...text.matchAll(/^goroutine \d+ \[([^,\]]+)/gm)].map((m) => m[1] ?? "");
    expect(d?.goroutines).toBe(states.length);
    for (const s of new Set(states))
      expect(d?.byState).toContainEqual({ state: s, count: states.filter((x) => x === s).length });
    // The five collectors share a state and a stack: one group, named by their own frame.
    expect(d?.groups[0]).toMatchObject({
      count: (text.match(/^main\.collect\.func1\(\)$/gm) ?? []).length,
      state: "chan receive",
      where: { func: "main.collect.func1", file: "dumps/main.go", line: 39 },
      createdBy: { func: "main.collect", file: "dumps/main.go", line: 38 },
    });
    expect(d?.groups.find((g) => g.lockedToThread > 0)?.where?.func).toBe("main.start.func3");
  });

  it("the longest wait of a group is the longest printed", () => {
    const text = read("tests/fixtures/dumps/go1.27-wait-debug2.txt");
    const [d] = analyse(text).dumps.dumps;
    const minutes = [...text.matchAll(/, (\d+) minutes/g)].map((m) => Number(m[1]));
    expect(minutes.length).toBeGreaterThan(0);
    expect(Math.max(...(d?.groups ?? []).map((g) => g.longestWaitMinutes ?? 0))).toBe(Math.max(...minutes));
  });

  it("a traceback says why it was printed; leaked goroutines are counted", () => {
    const s = analyse(read("tests/fixtures/dumps/go1.27-panic-traceback.txt"));
    expect(s.dumps.dumps[0]).toMatchObject({ kind: "traceback", cause: "panic: dumps: gave up after 14 goroutines" });
    const q = analyse(read("tests/fixtures/dumps/go1.19-sigquit-traceback.txt"));
    expect(q.dumps.dumps[0]).toMatchObject({ kind: "traceback", cause: "SIGQUIT: quit" });
    const leak = read("tests/fixtures/dumps/go1.26-goroutineleak-debug2.txt");
    expect(analyse(leak).dumps.dumps[0]?.leaked).toBe((leak.match(/\(leaked\)\]:$/gm) ?? []).length);
  });

  it("two dumps compared: the collectors' group grew by the goroutines the program started between them", () => {
    const text = read("tests/fixtures/dumps/go1.27-grow-two-dumps.txt");
    const [a, b] = analyse(text).dumps.dumps;
    const [first = "", second = ""] = text.split("dumps: goroutine dump 2 of 2");
    const collectors = (t: string) => (t.match(/^main\.collect\.func1\(\)$/gm) ?? []).length;
    const changes = compareDumps(a!, b!);
    expect(changes[0]).toMatchObject({ state: "chan receive", before: collectors(first), after: collectors(second) });
    expect(changes[0]?.where?.func).toBe("main.collect.func1");
  });

  it("a dump and a debug=1 profile of the same program are compared by where their goroutines are", () => {
    const s = analyse(read("tests/fixtures/dumps/go1.27-live-gctrace-dumps.txt"));
    const dumps = s.dumps.dumps;
    expect(dumps.map((d) => d.kind)).toEqual(["dump", "dump", "leak-profile"]);
    const changes = compareDumps(dumps[0]!, dumps[2]!);
    expect(changes.find((c) => c.where?.func === "main.collect")).toMatchObject({
      before: 5,
      after: 5,
      leakedAfter: 5,
    });
  });

  it("the standard library's frames are told from the program's", () => {
    const f = (func: string) => ({ func, file: "", line: 0 });
    expect(
      ["runtime.gopark", "sync.(*Mutex).Lock", "internal/sync.runtime_SemacquireMutex", "time.Sleep"].map((x) =>
        isStdFrame(f(x)),
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ["main.collect", "github.com/x/y.F", "dumps/sub.F", "blockedforever/recorder/x.Run"].map((x) => isStdFrame(f(x))),
    ).toEqual([false, false, false, false]);
  });
});

describe("logs of several runs", () => {
  // Two of our recordings one after the other, as a service restarted.
  const a = read("traces/leak/go1.27.3/stderr.log");
  const b = read("traces/fix-timeout/go1.27.3/stderr.log");
  const gcs = (t: string) => (t.match(/^gc \d+ @/gm) ?? []).length;
  const lastT = (t: string) =>
    Math.max(
      ...[...t.matchAll(/^gc \d+ @(\d+\.\d+)s/gm)].map((m) => Number(m[1])),
      ...[...t.matchAll(/^SCHED (\d+)ms/gm)].map((m) => Number(m[1]) / 1000),
    );

  it("are told apart where time goes back, laid end to end, and every chart covers all of them", () => {
    const s = analyse(a + b);
    expect(s.runs.count).toBe(2);
    expect(s.notes).toContain("runs");
    expect(s.runs.list.map((r) => r.gcs)).toEqual([gcs(a), gcs(b)]);
    expect(s.runs.list[1]?.line).toBe(a.split("\n").length);
    expect(s.series.domain?.[1]).toBeCloseTo(lastT(a) + lastT(b), 6);
    for (const id of LAB_CHARTS) {
      for (const line of chartLines(s.series, id)) {
        const xs = line.points.map((p) => p.x);
        expect(Math.max(...xs)).toBeLessThanOrEqual(s.series.domain?.[1] ?? 0);
        expect(Math.max(...xs)).toBeGreaterThan(lastT(a));
      }
    }
  });

  it("one run picked alone has its own counts and times", () => {
    const s = analyse(a + b, 2);
    expect(s.gc.cycles).toBe(gcs(b));
    expect(s.series.domain?.[1]).toBeCloseTo(lastT(b), 6);
    expect(s.runs.picked).toBe(2);
  });
});

describe("compressed files and wall-clock times", () => {
  it("a .gz Blob gives the summary of the text, whatever its name; progress counts compressed bytes", async () => {
    const text = read("tests/fixtures/prefixed/go1.27-leak-journald-short.txt");
    const gz = gzipSync(text);
    const seen: number[] = [];
    const fromGz = await analyseSource(
      { kind: "blob", blob: new Blob([gz]) },
      { chunkSize: 4096, onProgress: (p) => seen.push(p.total) },
    );
    const fromText = await analyseSource({ kind: "text", text });
    expect(fromGz).toEqual(fromText);
    expect(seen.every((t) => t === gz.length)).toBe(true);
  });

  it("a cut-short .gz: what was read is summarised and the summary says where it stopped", async () => {
    const gz = gzipSync(read("traces/leak/go1.27.3/stderr.log"));
    const s = await analyseSource({ kind: "blob", blob: new Blob([gz.subarray(0, Math.floor(gz.length * 0.6))]) });
    expect(s.notes).toContain("gzip-error");
    expect(s.gzipError).not.toBeNull();
    expect(s.gc.cycles).toBeGreaterThan(0);
  });

  it("the prefixes' times become a second time axis", () => {
    const s = analyse(read("tests/fixtures/prefixed/go1.27-leak-docker-t.txt"));
    const walls = [...read("tests/fixtures/prefixed/go1.27-leak-docker-t.txt").matchAll(/^(\S+)Z gc \d+ @/gm)].map(
      (m) => Date.parse(`${m[1]}Z`) / 1000,
    );
    const drawn = s.series.heapLive.map((p) => p.w ?? NaN);
    expect(drawn).toHaveLength(walls.length);
    for (const [i, w] of drawn.entries()) expect(w).toBeCloseTo(walls[i] ?? NaN, 3);
    expect(s.series.wallDomain?.[0]).toBeLessThanOrEqual(Math.min(...walls));
  });
});
