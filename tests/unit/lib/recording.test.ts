import { describe, expect, it } from "vitest";
import { buildRecording } from "../../../src/lib/recording/build-recording.ts";
import { stateAt } from "../../../src/lib/recording/recording-at.ts";
import { fixture } from "./fixtures.ts";

const leak127 = () =>
  buildRecording({
    stderr: fixture("go1.27-leak-scheddetail.txt"),
    leakProfile: fixture("go1.27-leak-profile.txt"),
    meta: '{"goVersion":"go1.27.3"}',
  });

describe("buildRecording", () => {
  it("puts GCs, SCHED snapshots and log lines on one time axis in seconds", () => {
    const rec = leak127();
    expect(rec.goVersion).toBe("go1.27.3");
    expect(rec.gcs.map((g) => g.t)).toEqual([0, 0.062, 0.183, 0.304, 0.46, 0.461]);
    expect(rec.gcs.map((g) => [g.forced, g.leakCheck])).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [true, false],
      [true, true],
      [true, false],
    ]);
    expect(rec.snapshots.map((s) => s.t)).toEqual(
      [0, 0.107, 0.208, 0.31, 0.414, 0.515].map((x): unknown => expect.closeTo(x, 1)),
    );
    expect(rec.snapshots.every((s) => s.detailed && s.ps.length === 2)).toBe(true);
    expect(rec.log).toHaveLength(135);
    expect(rec.leakProfile?.total).toBe(5);
    expect(rec.issues).toEqual([]);
  });

  it("log lines without a time inherit the previous one, and reveal times never go back", () => {
    const rec = leak127();
    const request0 = rec.log.find((l) => l.text === "request 0: gave up waiting");
    expect(request0?.kind).toBe("other");
    expect(request0?.t).toBe(rec.log[(request0?.line ?? 0) - 2]?.t);
    for (let i = 1; i < rec.log.length; i++) expect(rec.log[i]!.at).toBeGreaterThanOrEqual(rec.log[i - 1]!.at);
  });

  it("tells the program's goroutines from the runtime's by their wait reasons", () => {
    const rec = leak127();
    const owner = (reason: string) =>
      rec.goroutines.filter((g) => g.intervals.some((i) => i.waitReason === reason)).map((g) => g.owner);
    expect(owner("GC worker (idle)")).toEqual(["runtime", "runtime"]);
    expect(owner("force gc (idle)")).toEqual(["runtime"]);
    expect(owner("chan receive")).toEqual(Array(5).fill("user"));
    expect(rec.goroutines.find((g) => g.id === 1)?.owner).toBe("user");
  });

  it("uses transitions for the goroutines they cover and marks probe goroutines", () => {
    const rec = buildRecording({
      stderr: fixture("go1.19-leak-scheddetail.txt"),
      transitions: [
        '{"tMs":50,"g":21,"from":"Running","to":"Waiting","reason":"chan receive","by":21,"frame":{"func":"main.leak.func1","file":"main.go","line":19}}',
        '{"tMs":5,"g":40,"from":"NotExist","to":"Running","reason":"","by":1,"frame":{"func":"example.com/recorder/probe.sample","file":"/r/probe/probe.go","line":30}}',
        '{"tMs":6,"g":40,"from":"Running","to":"Waiting","reason":"sleep","by":40,"frame":null}',
        '{"tMs":400,"g":40,"from":"Waiting","to":"NotExist","reason":"","by":-1,"frame":null}',
      ].join("\n"),
    });
    const g21 = rec.goroutines.find((g) => g.id === 21);
    expect(g21?.intervals).toEqual([
      { from: 0.05, to: rec.end, state: "waiting", waitReason: "chan receive", status: null, source: "transitions" },
    ]);
    const probe = rec.goroutines.find((g) => g.id === 40);
    expect(probe?.owner).toBe("probe");
    expect(probe?.intervals.map((i) => [i.from, i.to, i.state])).toEqual([
      [0.005, 0.006, "running"],
      [0.006, 0.4, "waiting"],
    ]);
    expect(stateAt(rec, 0.5).goroutines.some((g) => g.id === 40)).toBe(false);
    expect(stateAt(rec, 0.3).goroutines.find((g) => g.id === 40)?.waitReason).toBe("sleep");
  });

  it("is deterministic: the same input gives the same recording", () => {
    expect(JSON.stringify(leak127())).toBe(JSON.stringify(leak127()));
  });

  it("reports unreadable lines of every input as issues and keeps the rest", () => {
    const rec = buildRecording({
      stderr: fixture("go1.26-torn-gctrace.txt"),
      metrics:
        '{"tMs":1,"heapLiveBytes":1,"heapGoalBytes":2,"heapObjects":3,"heapObjectsBytes":4,"goroutines":5}\nnope\n',
      leakProfile: "goroutine profile: total 1\n",
    });
    expect(rec.metrics).toHaveLength(1);
    expect(rec.issues.map((i) => i.file)).toEqual(expect.arrayContaining(["stderr", "metrics", "leakProfile"]));
    expect(rec.log).toHaveLength(53);
  });
});

describe("stateAt", () => {
  it("before the first sample: nothing yet", () => {
    const s = stateAt(leak127(), -0.001);
    expect(s).toMatchObject({
      gc: null,
      gcIndex: -1,
      snapshot: null,
      snapshotIndex: -1,
      logIndex: -1,
      heapLiveBytes: null,
      goroutines: [],
    });
  });

  it("exactly at a GC's time includes that GC; just before does not", () => {
    const rec = leak127();
    expect(stateAt(rec, 0.304).gc?.n).toBe(4);
    expect(stateAt(rec, 0.3039).gc?.n).toBe(3);
    expect(stateAt(rec, 0.304).heapLiveBytes).toBe(50 * 1024 * 1024);
    expect(stateAt(rec, 0.3039).heapLiveBytes).toBe(40 * 1024 * 1024);
  });

  it("exactly at a SCHED time shows that snapshot's goroutines", () => {
    const rec = leak127();
    const t = rec.snapshots[2]!.t;
    expect(stateAt(rec, t).snapshotIndex).toBe(2);
    expect(stateAt(rec, t - 1e-9).snapshotIndex).toBe(1);
  });

  it("the leak grows: user goroutines waiting on chan receive, then leaked after detection", () => {
    const rec = leak127();
    const chanWaiters = (t: number) =>
      stateAt(rec, t).goroutines.filter((g) => g.owner === "user" && g.waitReason === "chan receive");
    expect(chanWaiters(0.11).length).toBe(2);
    expect(chanWaiters(0.45).map((g) => g.state)).toEqual(Array(5).fill("waiting"));
    expect(stateAt(rec, 0.45).userCounts.leaked).toBe(0);
    expect(stateAt(rec, 0.52).userCounts.leaked).toBe(5);
    expect(
      stateAt(rec, 0.52)
        .goroutines.filter((g) => g.state === "leaked")
        .map((g) => g.status),
    ).toEqual(Array(5).fill(10));
  });

  it("after the last sample: the last state, and the last log line visible", () => {
    const rec = leak127();
    const s = stateAt(rec, 999);
    expect(s.gc?.n).toBe(6);
    expect(s.logIndex).toBe(rec.log.length - 1);
    expect(s.userCounts.leaked).toBe(5);
    expect(s.counts).toEqual(stateAt(rec, rec.end).counts);
  });

  it("prefers a later metrics sample over an older GC line for heap figures", () => {
    const rec = buildRecording({
      stderr: fixture("go1.26-leak-scheddetail.txt"),
      metrics:
        '{"tMs":320,"heapLiveBytes":52500000,"heapGoalBytes":104857600,"heapObjects":10,"heapObjectsBytes":52600000,"goroutines":16}\n',
    });
    expect(stateAt(rec, 0.31).heapLiveBytes).toBe(50 * 1024 * 1024);
    expect(stateAt(rec, 0.33).heapLiveBytes).toBe(52500000);
    expect(stateAt(rec, 0.33).sample?.goroutines).toBe(16);
  });
});
