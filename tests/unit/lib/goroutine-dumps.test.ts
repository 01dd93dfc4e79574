import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import type { GoroutineGroupRecord, GoroutineRecord } from "../../../src/lib/parse/trace-records.ts";
import { coveredLines, lineCount, oneTo } from "./fixtures.ts";

const dir = new URL("../../fixtures/dumps/", import.meta.url);
const dump = (name: string): string => readFileSync(new URL(name, dir), "utf8");
const names = readdirSync(dir).filter((n) => n.endsWith(".txt"));

// What the tests expect is read from the text with plain regexes, not with the parser.
const HEADER = /^goroutine (\d+)(?: gp=\S+ m=\S+(?: mp=\S+)?)? \[([^\]]*)\]:$/gm;
const headers = (text: string) =>
  [...text.matchAll(HEADER)].map((m) => ({ id: Number(m[1]), inside: m[2] ?? "", at: m.index }));

describe("goroutine dumps and tracebacks (Go 1.19, 1.26, 1.27)", () => {
  it.each(names.filter((n) => !n.includes("debug1")))("%s: one goroutine record per header, as printed", (name) => {
    const text = dump(name);
    const expected = headers(text);
    const records = parseLog(text).filter((r): r is GoroutineRecord => r.kind === "goroutine");
    expect(expected.length).toBeGreaterThan(0);
    expect(records.map((r) => r.id)).toEqual(expected.map((h) => h.id));
    for (const [i, r] of records.entries()) {
      const inside = expected[i]?.inside ?? "";
      const first = inside.split(", ")[0] ?? "";
      expect(r.state).toBe(first.replace(/ \(leaked\)$/, ""));
      expect(r.leaked).toBe(first.endsWith(" (leaked)"));
      expect(r.lockedToThread).toBe(inside.includes(", locked to thread"));
      expect(r.waitMinutes).toBe(
        /, (\d+) minutes/.exec(inside) === null ? null : Number(/, (\d+) minutes/.exec(inside)?.[1]),
      );
    }
  });

  it.each(names.filter((n) => !n.includes("debug1")))("%s: each goroutine's frames and creator, as printed", (name) => {
    const text = dump(name);
    const lines = text.split("\n");
    const records = parseLog(text).filter((r): r is GoroutineRecord => r.kind === "goroutine");
    for (const r of records) {
      // The block's lines: header, then pairs of call and source lines, then maybe "created by" and its source.
      const block = lines.slice(r.line, r.endLine).filter((l) => l !== "");
      const created = block.findIndex((l) => l.startsWith("created by "));
      const calls = (created === -1 ? block : block.slice(0, created)).filter((l) => !l.startsWith("\t"));
      expect(r.frames.map((f) => f.func)).toEqual(calls.map((c) => c.replace(/\([^()]*\)$/, "")));
      const sources = (created === -1 ? block : block.slice(0, created)).filter((l) => l.startsWith("\t"));
      expect(r.frames.map((f) => `${f.file}:${f.line}`)).toEqual(sources.map((s) => /^\t(\S+:\d+)/.exec(s)?.[1]));
      if (created === -1) expect(r.createdBy).toBeNull();
      else {
        const m = /^created by (\S+)(?: in goroutine (\d+))?$/.exec(block[created] ?? "");
        expect(r.createdBy?.func).toBe(m?.[1]);
        expect(r.creator).toBe(m?.[2] === undefined ? null : Number(m[2]));
        expect(`${r.createdBy?.file}:${r.createdBy?.line}`).toBe(/^\t(\S+:\d+)/.exec(block[created + 1] ?? "")?.[1]);
      }
    }
  });

  it.each(names)("%s: every line has a record or belongs to one", (name) => {
    const text = dump(name);
    expect(coveredLines(parseLog(text))).toEqual(oneTo(lineCount(text)));
  });

  it("Go 1.21+ names the creating goroutine, Go 1.19 does not; 1.27's leak profile dump marks the collectors leaked", () => {
    const old = parseLog(dump("go1.19-goroutine-debug2.txt")).filter((r) => r.kind === "goroutine");
    expect(old.filter((r) => r.createdBy !== null).every((r) => r.creator === null)).toBe(true);
    const now = parseLog(dump("go1.27-goroutine-debug2.txt")).filter((r) => r.kind === "goroutine");
    expect(now.filter((r) => r.createdBy !== null).every((r) => r.creator !== null)).toBe(true);
    for (const v of ["1.26", "1.27"]) {
      const text = dump(`go${v}-goroutineleak-debug2.txt`);
      const leaked = parseLog(text).filter((r) => r.kind === "goroutine" && r.leaked);
      expect(leaked).toHaveLength((text.match(/ \(leaked\)\]:$/gm) ?? []).length);
      expect(leaked.map((r) => r.kind === "goroutine" && r.frames[0]?.func)).toEqual(
        Array(5).fill("main.collect.func1"),
      );
    }
  });

  it("a traceback's own lines are runtime output; two dumps in one file are two dumps", () => {
    const records = parseLog(dump("go1.27-sigquit-traceback.txt"));
    expect(records.find((r) => r.kind === "other" && r.text === "SIGQUIT: quit")).toMatchObject({ source: "runtime" });
    expect(records.find((r) => r.kind === "other" && r.text.startsWith("rip "))).toMatchObject({ source: "runtime" });
    const grow = parseLog(dump("go1.27-grow-two-dumps.txt")).filter((r) => r.kind === "goroutine");
    const text = dump("go1.27-grow-two-dumps.txt");
    const second = text.indexOf("dumps: goroutine dump 2 of 2");
    const inFirst = headers(text).filter((h) => h.at < second).length;
    expect(grow.filter((r) => r.dump === 1)).toHaveLength(inFirst);
    expect(grow.filter((r) => r.dump === 2)).toHaveLength(headers(text).length - inFirst);
  });
});

describe("debug=1 goroutine profiles and goroutine leak profiles", () => {
  it.each(names.filter((n) => n.includes("debug1")))(
    "%s: one group per stack, counts adding up to the total",
    (name) => {
      const text = dump(name);
      const total = Number(/^(?:goroutine|goroutineleak) profile: total (\d+)$/m.exec(text)?.[1]);
      const counts = [...text.matchAll(/^(\d+) @ 0x/gm)].map((m) => Number(m[1]));
      const groups = parseLog(text).filter((r): r is GoroutineGroupRecord => r.kind === "goroutine-group");
      expect(groups.map((g) => g.count)).toEqual(counts);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(groups.every((g) => g.total === total)).toBe(true);
      expect(groups.every((g) => g.profile === (name.includes("goroutineleak") ? "goroutineleak" : "goroutine"))).toBe(
        true,
      );
      // Each group's frames are its `#` lines, up to the blank line that ends it.
      const frameLines = text.split("\n\n").map((block) => block.split("\n").filter((l) => l.startsWith("#\t")).length);
      expect(groups.map((g) => g.frames.length)).toEqual(frameLines.filter((n) => n > 0));
    },
  );

  it("the recording's leak profile names main.collect, line 15", () => {
    const text = readFileSync(new URL("../../../traces/leak/go1.27.3/leak-profile.txt", import.meta.url), "utf8");
    expect(parseLog(text).find((r) => r.kind === "goroutine-group")).toMatchObject({
      profile: "goroutineleak",
      count: 5,
      frames: [{ func: "main.collect", file: "blockedforever/recorder/programs/leak/main.go", line: 15 }],
    });
  });
});
