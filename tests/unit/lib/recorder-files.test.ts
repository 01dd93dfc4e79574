import { describe, expect, it } from "vitest";
import { parseLeakProfile } from "../../../src/lib/recording/parse-leak-profile.ts";
import { parseJsonLines, readMetricsSample, readTransition } from "../../../src/lib/recording/recorder-records.ts";
import { parseMeta } from "../../../src/lib/recording/recording-meta.ts";
import { fixture } from "./fixtures.ts";

describe("metrics.jsonl", () => {
  it("reads samples, keeps nulls, and reports bad lines by number without losing the rest", () => {
    const text = [
      '{"tMs":100,"heapLiveBytes":null,"heapGoalBytes":4194304,"heapObjects":120,"heapObjectsBytes":90000,"goroutines":4,"goroutinesRunning":null,"goroutinesRunnable":null,"goroutinesWaiting":null,"goroutinesNotInGo":null}',
      "{not json",
      '{"tMs":"200"}',
      "",
      '{"tMs":300,"heapLiveBytes":52428800,"heapGoalBytes":104857600,"heapObjects":130,"heapObjectsBytes":52500000,"goroutines":12,"goroutinesRunning":1,"goroutinesRunnable":0,"goroutinesWaiting":11,"goroutinesNotInGo":0}',
    ].join("\n");
    const { records, issues } = parseJsonLines(text, readMetricsSample);
    expect(records.map((r) => [r.tMs, r.heapLiveBytes, r.goroutinesWaiting])).toEqual([
      [100, null, null],
      [300, 52428800, 11],
    ]);
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [2, "not valid JSON"],
      [3, '"tMs" must be a number'],
    ]);
  });
});

describe("transitions.jsonl", () => {
  it("reads a transition with a frame and rejects unknown states", () => {
    const { records, issues } = parseJsonLines(
      '{"tMs":12.5,"g":18,"from":"Running","to":"Waiting","reason":"chan receive","by":18,"frame":{"func":"main.leak.func1","file":"main.go","line":19}}\n' +
        '{"tMs":13,"g":18,"from":"Running","to":"Leaked","reason":"","by":-1,"frame":null}\n',
      readTransition,
    );
    expect(records).toEqual([
      {
        tMs: 12.5,
        g: 18,
        from: "Running",
        to: "Waiting",
        reason: "chan receive",
        by: 18,
        frame: { func: "main.leak.func1", file: "main.go", line: 19 },
      },
    ]);
    expect(issues[0]?.line).toBe(2);
    expect(issues[0]?.message).toContain('"to" must be one of');
  });
});

describe("leak profile", () => {
  it("reads the real Go 1.27 profile: 5 goroutines leaked at main.leak.func1 line 19", () => {
    const p = parseLeakProfile(fixture("go1.27-leak-profile.txt"));
    expect(p?.total).toBe(5);
    expect(p?.stacks).toHaveLength(1);
    expect(p?.stacks[0]?.count).toBe(5);
    expect(p?.stacks[0]?.pcs).toHaveLength(5);
    expect(p?.stacks[0]?.frames).toEqual([{ func: "main.leak.func1", file: "/tmp/bf/leak/main.go", line: 19 }]);
    expect(p?.issues).toEqual([]);
  });

  it("reads several stacks, with CRLF, and is null for text that is no leak profile", () => {
    const p = parseLeakProfile(
      "goroutineleak profile: total 4\r\n3 @ 0x1 0x2\r\n#\t0x1\tmain.a+0x18\t/src/a.go:13\r\n#\t0x2\tmain.main+0x20\t/src/a.go:30\r\n\r\n1 @ 0x3\r\n#\t0x3\tmain.b.func1\t/src/b.go:7\r\n",
    );
    expect(p?.stacks.map((s) => [s.count, s.frames.map((f) => `${f.func}:${f.line}`)])).toEqual([
      [3, ["main.a:13", "main.main:30"]],
      [1, ["main.b.func1:7"]],
    ]);
    expect(parseLeakProfile("goroutine profile: total 3\n")).toBeNull();
  });
});

describe("meta.json", () => {
  it("picks goVersion and probe ids, and survives broken JSON", () => {
    expect(parseMeta('{"goVersion":"go1.27.3","probeGoroutines":[7,8],"gomaxprocs":2}')).toMatchObject({
      goVersion: "go1.27.3",
      probeGoroutines: [7, 8],
    });
    expect(parseMeta("{oops")).toEqual({ raw: {}, goVersion: null, probeGoroutines: [] });
  });
});
