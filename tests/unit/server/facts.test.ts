// The numbers the article's prose quotes (src/server/*facts.ts), checked against the committed
// recordings read here with regexes of the test's own, not with the site's parser.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixPartFacts, gctracePartFacts, schedVersionFacts, tickFacts } from "../../../src/server/facts.ts";
import { methodsFacts } from "../../../src/server/methods-facts.ts";
import { leakedFacts, statusCounts } from "../../../src/server/status-facts.ts";

const read = (path: string): string => readFileSync(path, "utf8");
const stderr = (folder: string): string[] => read(`traces/${folder}/stderr.log`).split("\n");
const leakLines = stderr("leak/go1.27.3");
const checkAt = leakLines.findIndex((l) => /^gc \d+ .*\(checking for goroutine leaks\)/.test(l));
const leakMeta = JSON.parse(read("traces/leak/go1.27.3/meta.json")) as {
  probe: { goroutines: { id: number; role: string; entry: string }[] };
};
const profileTotal = Number(/total (\d+)/.exec(read("traces/leak/go1.27.3/leak-profile.txt"))?.[1]);

/** The SCHED blocks of a log: the index of each SCHED line and the lines up to the next one. */
function blocks(lines: string[]): { at: number; lines: string[] }[] {
  const out: { at: number; lines: string[] }[] = [];
  lines.forEach((l, i) => {
    if (l.startsWith("SCHED ")) out.push({ at: i, lines: [l] });
    else if (/^ {2}[PMG]\d+: /.test(l)) out.at(-1)?.lines.push(l);
  });
  return out;
}
const atStatus = (lines: string[], status: number): string[] =>
  lines.filter((l) => new RegExp(`^ {2}G\\d+: status=${String(status)}\\(`).test(l));

describe("what the runtime did to the leaked goroutines", () => {
  it("the leak's last snapshot has as many goroutines at status 10 as the leak profile reports, and the status table counts them", () => {
    const last = blocks(leakLines).at(-1);
    expect(last && last.at > checkAt).toBe(true);
    const leaked = atStatus(last?.lines ?? [], 10);
    expect(leaked).toHaveLength(profileTotal);
    expect(profileTotal).toBe(5);
    const counts = statusCounts();
    expect(counts.last.counts.get(10)).toBe(5);
    expect(counts.last.line).toBe((last?.at ?? 0) + 1);
    // Over every recording: each snapshot after the leak check counts its five again.
    const all = ["leak", "fix-timeout", "fix-close", "fix-context", "tick"]
      .flatMap((p) => (p === "tick" ? ["go1.27.3", "go1.19.8"] : ["go1.27.3"]).map((v) => `${p}/${v}`))
      .flatMap((f) => atStatus(stderr(f), 10));
    expect(counts.all.get(10)).toBe(all.length);
  });

  it("quotes the first block after the leak check: its SCHED and G lines, the collectors at 10 and the trace's goroutines still at 4", () => {
    const f = leakedFacts();
    const first = blocks(leakLines).find((b) => b.at > checkAt);
    expect(f.lines.map((l) => l.text)).toEqual(first?.lines.filter((l) => !/^ {2}[PM]\d+:/.test(l)));
    for (const l of f.lines) expect(leakLines[l.n - 1]).toBe(l.text);
    const ids = (lines: string[]): string[] => lines.map((l) => /G\d+/.exec(l)?.[0] ?? "");
    expect(f.leaked).toEqual(ids(atStatus(first?.lines ?? [], 10)));
    const probeIds = leakMeta.probe.goroutines.map((g) => `G${String(g.id)}`);
    expect(f.lookalikes).toEqual(
      ids((first?.lines ?? []).filter((l) => l.includes("status=4(chan receive)"))).filter((id) =>
        probeIds.includes(id),
      ),
    );
    expect(f.lookalikes.length).toBeGreaterThan(0);
    expect(f.snapshotsAfter).toBe(blocks(leakLines).filter((b) => b.at > checkAt).length);
    expect(f.leakedInFixes).toBe(0);
  });
});

describe("numbers that compare name their GC", () => {
  it("the leak's forced GCs run from the first (forced) line to the last before the leak check", () => {
    const forced = leakLines.filter((l) => l.endsWith("(forced)") && !l.includes("checking for goroutine leaks"));
    const g = gctracePartFacts();
    expect(`gc ${String(g.example?.n)} `).toBe(/^gc \d+ /.exec(forced[0] ?? "")?.[0]);
    expect(`gc ${String(g.lastForced?.n)} `).toBe(/^gc \d+ /.exec(forced.at(-1) ?? "")?.[0]);
    expect(g.leak.automaticGcs.map((a) => a.n)).toEqual([1]);
    expect(g.buffersMiB).toBe(50);
    expect(g.extraMB).toBe(2);
  });

  it("each fix ends at its own last forced GC with what the recorder keeps, the same as the leak's heap over its buffers", () => {
    const f = fixPartFacts();
    for (const fix of f.fixes) {
      const lines = stderr(`${fix.program}/go1.27.3`).filter((l) => l.endsWith("(forced)") && !l.includes("checking"));
      const last = /^gc (\d+) .*->(\d+) MB, /.exec(lines.at(-1) ?? "");
      expect([fix.lastForcedGc?.n, fix.lastLiveMB]).toEqual([Number(last?.[1]), Number(last?.[2])]);
    }
    expect(f.recorderMB).toBe(2);
  });
});

describe("the methods part", () => {
  it("lists the recorder's goroutines as meta.json does, and the blocks printed after the leak check", () => {
    const m = methodsFacts();
    expect(m.goroutines).toEqual(leakMeta.probe.goroutines);
    expect(m.runtimeOnes).toEqual(["G7", "G8"]);
    expect(m.afterLeakCheckMs).toBe(
      Number(/AfterLeakCheck = (\d+) \* time\.Millisecond/.exec(read("recorder/probe/probe.go"))?.[1]),
    );
    expect(m.snapshotsAfterMs).toEqual(
      blocks(leakLines)
        .filter((b) => b.at > checkAt)
        .map((b) => Number(/^SCHED (\d+)ms/.exec(b.lines[0] ?? "")?.[1])),
    );
    expect(m.commentMB).toBe(50);
    expect(m.traceHeapMiB).toBe(2);
  });
});

describe("the time.Tick part and the version table", () => {
  it("sums the Ps' timerslen per snapshot: hundreds of thousands of tickers on Go 1.19, a handful on 1.27", () => {
    const most = (folder: string): number =>
      Math.max(
        ...blocks(stderr(folder)).map((b) =>
          b.lines.reduce((sum, l) => sum + Number(/^ {2}P\d+: .*timerslen=(\d+)/.exec(l)?.[1] ?? 0), 0),
        ),
      );
    const t = tickFacts();
    expect(t.timers("go1.19.8")).toBe(most("tick/go1.19.8"));
    expect(t.timers("go1.19.8")).toBeGreaterThan(300_000);
    expect(t.timers("go1.27.3")).toBe(most("tick/go1.27.3"));
    expect(t.timers("go1.27.3")).toBeLessThan(10);
  });

  it("shows each version's own spelling of a missing M and of the flags", () => {
    const { pieces } = schedVersionFacts();
    expect(pieces.missing).toEqual(["m=-1", "m=nil"]);
    expect(pieces.needspinning[0]).toBeNull();
    expect(pieces.needspinning[1]).toMatch(/^needspinning=\d$/);
    expect(pieces.gcwaiting).toEqual(["gcwaiting=0", "gcwaiting=false"]);
  });
});
