import { describe, expect, it } from "vitest";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import { parseSchedLine } from "../../../src/lib/parse/parse-schedtrace.ts";
import { parseGLine, parseMLine, parsePLine } from "../../../src/lib/parse/parse-scheddetail.ts";
import type { GRecord, SchedRecord, TraceRecord } from "../../../src/lib/parse/trace-records.ts";
import { fixture } from "./fixtures.ts";

const ofKind = <K extends TraceRecord["kind"]>(records: TraceRecord[], kind: K) =>
  records.filter((r): r is Extract<TraceRecord, { kind: K }> => r.kind === kind);

describe("SCHED lines", () => {
  it("Go 1.19 summary form: [0 0], no needspinning", () => {
    expect(
      parseSchedLine(
        "SCHED 109ms: gomaxprocs=2 idleprocs=2 threads=5 spinningthreads=0 idlethreads=3 runqueue=0 [0 0]",
        7,
      ),
    ).toEqual({
      kind: "sched",
      line: 7,
      tMs: 109,
      gomaxprocs: 2,
      idleprocs: 2,
      threads: 5,
      spinningthreads: 0,
      needspinning: null,
      idlethreads: 3,
      runqueue: 0,
      localRunqueues: [0, 0],
      schedticks: null,
      gcwaiting: null,
      nmidlelocked: null,
      stopwait: null,
      sysmonwait: null,
    } satisfies SchedRecord);
  });

  it("Go 1.25+ summary form: [ 0 0 ] and schedticks", () => {
    const r = parseSchedLine(
      "SCHED 106ms: gomaxprocs=2 idleprocs=1 threads=4 spinningthreads=0 needspinning=0 idlethreads=1 runqueue=1 [ 0 3 ] schedticks=[ 50296 10946 ]",
      1,
    );
    expect(r).toMatchObject({
      needspinning: 0,
      runqueue: 1,
      localRunqueues: [0, 3],
      schedticks: [50296, 10946],
      gcwaiting: null,
    });
  });

  it("detailed forms: 0/1 (1.19) and false/true (1.26), negative nmidlelocked, no run queue list", () => {
    const old = parseSchedLine(
      "SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=0 gcwaiting=1 nmidlelocked=-1 stopwait=0 sysmonwait=0",
      1,
    );
    expect(old).toMatchObject({
      tMs: 0,
      gcwaiting: true,
      nmidlelocked: -1,
      sysmonwait: false,
      localRunqueues: null,
      needspinning: null,
    });
    const now = parseSchedLine(
      "SCHED 109ms: gomaxprocs=2 idleprocs=2 threads=4 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=true",
      1,
    );
    expect(now).toMatchObject({
      gcwaiting: false,
      sysmonwait: true,
      needspinning: 0,
      localRunqueues: null,
      schedticks: null,
    });
  });

  it("rejects a SCHED line cut short", () => {
    expect(parseSchedLine("SCHED 109ms: gomaxprocs=2 idleprocs=2 threads=4 spinn", 1)).toBeNull();
  });
});

describe("P, M and G lines", () => {
  it("reads -1 and nil both as null", () => {
    expect(
      parsePLine("  P1: status=0 schedtick=2 syscalltick=0 m=-1 runqsize=0 gfreecnt=0 timerslen=0", 3, 0)?.m,
    ).toBeNull();
    expect(
      parsePLine("  P1: status=0 schedtick=2 syscalltick=0 m=nil runqsize=0 gfreecnt=0 timerslen=0", 3, 0)?.m,
    ).toBeNull();
    expect(parsePLine("  P0: status=1 schedtick=0 syscalltick=0 m=3 runqsize=0 gfreecnt=0 timerslen=0", 2, 0)?.m).toBe(
      3,
    );
    const m119 = parseMLine(
      "  M3: p=0 curg=-1 mallocing=0 throwing=0 preemptoff= locks=1 dying=0 spinning=true blocked=false lockedg=-1",
      4,
      0,
    );
    expect(m119).toMatchObject({
      id: 3,
      p: 0,
      curg: null,
      lockedg: null,
      preemptoff: "",
      spinning: true,
      blocked: false,
    });
    const m126 = parseMLine(
      "  M0: p=nil curg=nil mallocing=0 throwing=0 preemptoff= locks=1 dying=0 spinning=false blocked=false lockedg=1",
      4,
      0,
    );
    expect(m126).toMatchObject({ p: null, curg: null, lockedg: 1 });
  });

  it("reads a P line without timerslen (older runtimes)", () => {
    expect(
      parsePLine("  P0: status=1 schedtick=5 syscalltick=0 m=0 runqsize=0 gfreecnt=0", 1, 5)?.timerslen,
    ).toBeNull();
  });

  it("keeps a preemptoff string with spaces", () => {
    expect(
      parseMLine(
        "  M1: p=0 curg=5 mallocing=1 throwing=0 preemptoff=gcstart locked m locks=2 dying=0 spinning=false blocked=false lockedg=nil",
        1,
        0,
      )?.preemptoff,
    ).toBe("gcstart locked m");
  });

  it.each([
    ["  G20: status=4(GC worker (idle)) m=-1 lockedm=-1", 4, "GC worker (idle)"],
    ["  G2: status=4(force gc (idle)) m=nil lockedm=nil", 4, "force gc (idle)"],
    ["  G431: status=4097(chan send) m=nil lockedm=nil", 4097, "chan send"],
    ["  G9: status=4100(chan receive) m=nil lockedm=nil", 4100, "chan receive"],
    ["  G22: status=3() m=0 lockedm=nil", 3, ""],
    ["  G11: status=10(chan receive) m=nil lockedm=nil", 10, "chan receive"],
  ])("%s", (line, status, waitReason) => {
    expect(parseGLine(line, 1, 100)).toMatchObject({ status, waitReason, tMs: 100 });
  });

  it("rejects a G line torn after its status", () => {
    expect(parseGLine("  G5: status=4(chan rec", 1, 0)).toBeNull();
  });
});

describe("schedtrace in real runs", () => {
  it("P, M and G lines carry the time of the SCHED line above them", () => {
    const records = parseLog(fixture("go1.26-leak-scheddetail.txt"));
    let t: number | null = null;
    for (const r of records) {
      if (r.kind === "sched") t = r.tMs;
      if (r.kind === "p" || r.kind === "m" || r.kind === "g") expect(r.tMs).toBe(t);
    }
    expect(ofKind(records, "sched").map((s) => s.tMs)).toEqual(
      [0, 107, 209, 310, 411, 512].map((x): unknown => expect.closeTo(x, -2.5)),
    );
  });

  it("the Go 1.27 leak run ends with the five leaked goroutines at status 10 (after leak detection)", () => {
    const records = parseLog(fixture("go1.27-leak-scheddetail.txt"));
    const lastSched = ofKind(records, "sched").at(-1)!;
    const lastGs = ofKind(records, "g").filter((g) => g.line > lastSched.line);
    expect(lastGs.filter((g) => g.status === 10).map((g) => g.waitReason)).toEqual(Array(5).fill("chan receive"));
  });

  it.each(["go1.19-leak-scheddetail.txt", "go1.26-leak-scheddetail.txt"])(
    "%s ends with five goroutines waiting (status 4) on chan receive, plus select and sleep",
    (name) => {
      const records = parseLog(fixture(name));
      const lastSched = ofKind(records, "sched").at(-1)!;
      const lastGs = ofKind(records, "g").filter((g: GRecord) => g.line > lastSched.line && g.status === 4);
      const reasons = lastGs.map((g) => g.waitReason);
      expect(reasons.filter((r) => r === "chan receive")).toHaveLength(5);
      expect(reasons).toContain("select");
      expect(reasons).toContain("sleep");
    },
  );

  it("summary-mode runs have per-P queues and, from Go 1.25, schedticks", () => {
    const s119 = ofKind(parseLog(fixture("go1.19-tick-schedtrace-scav-pacer.txt")), "sched");
    const s127 = ofKind(parseLog(fixture("go1.27-tick-schedtrace-scav-pacer.txt")), "sched");
    expect(s119.length).toBeGreaterThanOrEqual(3);
    expect(s119.every((s) => s.localRunqueues?.length === 2 && s.schedticks === null && s.needspinning === null)).toBe(
      true,
    );
    expect(
      s127.every((s) => s.localRunqueues?.length === 2 && s.schedticks?.length === 2 && s.needspinning !== null),
    ).toBe(true);
  });
});
