import { describe, expect, it } from "vitest";
import { en } from "../../../src/i18n/en.ts";
import { zh } from "../../../src/i18n/zh.ts";
import { annotationsOf, placeLabels, textWidth } from "../../../src/lib/replay/annotations.ts";
import { captionOf, mechanismText } from "../../../src/lib/replay/captions.ts";
import { frameAt } from "../../../src/lib/replay/frame.ts";
import { toSeconds, toTicks, type ReplayVariant } from "../../../src/lib/replay/replay-data.ts";
import { neighbourEvent } from "../../../src/lib/replay/story.ts";
import { fixReplayVariant, fixReplayVariants } from "../../../src/server/replay.ts";

const leak = fixReplayVariant("leak");
const timeout = fixReplayVariant("timeout");
const close = fixReplayVariant("close");
const context = fixReplayVariant("context");
const fixes = [timeout, close, context];
const collectorsOf = (v: ReplayVariant) => v.goroutines.filter((g) => g.role === "collector");

describe("replay data from the committed recordings", () => {
  it("reveals a snapshot's SCHED line and the G lines under it at one tick (the log shows them as one item)", () => {
    for (const v of fixReplayVariants()) {
      let at: number | null = null;
      let blocks = 0;
      for (const l of v.log) {
        if (l.text.startsWith("SCHED")) {
          at = l.at;
          blocks++;
        } else if (/^\s+G\d+:/.test(l.text)) {
          expect(at, `${v.key} line ${String(l.line)}`).not.toBeNull();
          expect(l.at, `${v.key} line ${String(l.line)}`).toBe(at);
        } else {
          at = null;
        }
      }
      expect(blocks).toBe(v.snapshots.length);
    }
  });

  it("names every goroutine by role: main, collectors 1 to 5 in the order they started, then the runtime's and the recorder's", () => {
    for (const v of fixReplayVariants()) {
      expect(v.goroutines[0]?.role).toBe("main");
      expect(collectorsOf(v).map((g) => g.n)).toEqual([1, 2, 3, 4, 5]);
      const roles = v.goroutines.map((g) => g.role);
      expect(roles).toEqual(
        [...roles].sort(
          (a, b) =>
            ["main", "collector", "runtime", "recorder"].indexOf(a) -
            ["main", "collector", "runtime", "recorder"].indexOf(b),
        ),
      );
      expect(v.goroutines.filter((g) => g.role === "runtime").every((g) => g.name !== "")).toBe(true);
      expect(v.goroutines.filter((g) => g.role === "recorder").every((g) => g.name !== "")).toBe(true);
      for (const g of v.goroutines) {
        g.spans.forEach((s, i) => {
          expect(s.to).toBeGreaterThan(s.from);
          if (i > 0) expect(s.from).toBeGreaterThanOrEqual(g.spans[i - 1]?.to ?? 0);
        });
      }
      expect(v.bufferMiB).toBe(10);
    }
  });

  it("the leak's last frame: five collectors leaked, holding 50 MiB, waiting at line 15, the heap above 50 MiB", () => {
    const f = frameAt(leak, leak.end);
    expect(f.collectors.map((c) => [c.phase, c.state, c.buffer])).toEqual(Array(5).fill(["alive", "leaked", "held"]));
    expect(f.reachableMiB).toBe(50);
    expect(f.heap?.live).toBeGreaterThanOrEqual(50);
    expect(f.waitLines.get(15)?.length).toBe(5);
    // The status table's snapshot says the same: five of the program's goroutines at status 10.
    expect(leak.snapshots[f.snapshotIndex]?.user[10]).toBe(5);
  });

  it("each fix's last frame: the five collectors returned, their buffers freed, nothing reachable, the heap a few MB", () => {
    for (const v of fixes) {
      const f = frameAt(v, v.end);
      expect(f.collectors.map((c) => [c.phase, c.buffer])).toEqual(Array(5).fill(["returned", "freed"]));
      expect(f.reachableMiB).toBe(0);
      expect(f.heap?.live).toBeLessThan(5);
      expect([...f.waitLines.keys()].filter((line) => line < 30)).toEqual([]);
      // scheddetail keeps returned goroutines as _Gdead (6), which the table counts.
      expect(v.snapshots[f.snapshotIndex]?.user[6]).toBe(5);
    }
  });

  it("at every tick the mechanism agrees with gctrace: freed buffers only after a GC that ended after they returned, and the live heap never under what is reachable", () => {
    for (const v of [leak, ...fixes]) {
      for (let tick = 0; tick <= v.end; tick += 50) {
        const f = frameAt(v, tick);
        expect(f.reachableMiB).toBe(f.collectors.filter((c) => c.phase === "alive").length * v.bufferMiB);
        if (f.heap) expect(f.heap.live).toBeGreaterThanOrEqual(f.reachableMiB);
        const freed = f.collectors.filter((c) => c.buffer === "freed").length;
        if (freed > 0) expect(f.heap?.live).toBeLessThanOrEqual(52 - freed * v.bufferMiB + 2);
      }
    }
  });

  it("tells each program's story from the recording: start, GCs, the way out, the leak check", () => {
    const kinds = (v: ReplayVariant) => v.story.map((e) => e.kind);
    expect(kinds(leak)).not.toContain("return");
    expect(leak.story.find((e) => e.kind === "leak-check")).toMatchObject({ leaked: 5 });
    expect(leak.story.find((e) => e.kind === "marked-leaked")).toMatchObject({ count: 5 });
    expect(leak.story.at(-1)).toMatchObject({ kind: "end", blocked: 5 });
    for (const v of fixes) {
      const out = v.story.find((e) => e.kind === "return");
      expect(out).toMatchObject({ count: 5, fix: v.fix, reason: v.fix === "close" ? "chan receive" : "select" });
      expect(v.story.some((e) => e.kind === "gc" && e.freed >= 50)).toBe(true);
      expect(v.story.find((e) => e.kind === "leak-check")).toMatchObject({ leaked: 0 });
      expect(v.story.at(-1)).toMatchObject({ kind: "end", blocked: 0 });
    }
    // time.After's timers: 2.5 s after the collectors started.
    const back = timeout.story.find((e) => e.kind === "return");
    expect(toSeconds(back?.t ?? 0)).toBeCloseTo(2.5, 1);
  });

  it("Next and Previous walk the story events; every caption is filled, in both languages", () => {
    let tick = 0;
    const visited: number[] = [];
    for (;;) {
      const next = neighbourEvent(leak.story, tick, 1, leak.end);
      if (next === tick || next > leak.end) break;
      visited.push(next);
      tick = next;
      if (next === leak.end) break;
    }
    expect(visited).toEqual([...new Set(leak.story.map((e) => e.t))]);
    expect(neighbourEvent(leak.story, visited[2] ?? 0, -1, leak.end)).toBe(visited[1]);
    for (const v of [leak, ...fixes]) {
      for (const strings of [en, zh]) {
        for (const e of [undefined, ...v.story]) {
          const text = captionOf(v, e, strings.replay.client.captions);
          expect(text, JSON.stringify(e)).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it("the mechanism's text alternative counts the collectors that hold their buffers", () => {
    expect(mechanismText(leak, frameAt(leak, toTicks(3)), en.replay.client)).toContain(
      "5 of 5 collectors hold their 10 MiB buffers; 50 MiB reachable",
    );
    const after = mechanismText(timeout, frameAt(timeout, timeout.end), en.replay.client);
    expect(after).toContain("0 of 5 collectors");
    expect(after).toContain("5 returned; their buffers are freed");
  });

  it("heap labels: one per event kind, placed so that none overlaps another at the narrowest width", () => {
    for (const v of [leak, ...fixes]) {
      const list = annotationsOf(v.story, v.bufferMiB);
      expect(list.map((a) => a.kind)).toEqual(
        v === leak ? ["start", "forced", "leak-check"] : ["start", "forced", "return", "frees", "leak-check"],
      );
      const sized = list.map((a) => ({
        x: toSeconds(a.t) / toSeconds(v.end),
        width: textWidth("GC 10 frees 50 MB", 12),
      }));
      for (const width of [250, 560]) {
        const placed = placeLabels(sized, width);
        const boxes = placed.map((p, i) => {
          const l = sized[i]!;
          const at = l.x * width;
          const from = p.anchor === "middle" ? at - l.width / 2 : p.anchor === "start" ? at : at - l.width;
          return { row: p.row, from, to: from + l.width };
        });
        for (const a of boxes)
          for (const b of boxes) if (a !== b && a.row === b.row) expect(a.to <= b.from || b.to <= a.from).toBe(true);
      }
    }
  });
});
