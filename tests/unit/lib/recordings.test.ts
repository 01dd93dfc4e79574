import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildRecording } from "../../../src/lib/recording/build-recording.ts";
import { parseLog } from "../../../src/lib/parse/log-parser.ts";
import { stateAt } from "../../../src/lib/recording/recording-at.ts";
import { lineCount } from "./fixtures.ts";

// The recorder's output (npm run record), committed in traces/: missing recordings are a failure.
const traces = fileURLToPath(new URL("../../../traces/", import.meta.url));
const folders = existsSync(traces)
  ? readdirSync(traces)
      .flatMap((p) =>
        existsSync(traces + p) && !p.startsWith(".") ? readdirSync(traces + p).map((v) => `${p}/${v}`) : [],
      )
      .filter((f) => existsSync(`${traces}${f}/stderr.log`))
  : [];
const read = (folder: string, file: string) =>
  existsSync(`${traces}${folder}/${file}`) ? readFileSync(`${traces}${folder}/${file}`, "utf8") : undefined;
const load = (folder: string) =>
  buildRecording({
    stderr: read(folder, "stderr.log") ?? "",
    metrics: read(folder, "metrics.jsonl"),
    transitions: read(folder, "transitions.jsonl"),
    leakProfile: read(folder, "leak-profile.txt"),
    meta: read(folder, "meta.json"),
  });

describe("recordings in traces/", () => {
  it("has every program's recording, tick with two Go versions", () => {
    expect(folders).toEqual(
      expect.arrayContaining(
        ["leak", "fix-timeout", "fix-close", "fix-context", "tick"].map((p): unknown =>
          expect.stringMatching(new RegExp(`^${p}/go1\\.27\\.`)),
        ),
      ),
    );
    expect(folders).toEqual(expect.arrayContaining([expect.stringMatching(/^tick\/go1\.19\./)]));
  });

  it.each(folders)("%s: every stderr line is accounted for, none is an error, every file reads cleanly", (folder) => {
    const stderr = read(folder, "stderr.log") ?? "";
    const records = parseLog(stderr);
    expect(records.map((r) => r.line)).toEqual(Array.from({ length: lineCount(stderr) }, (_, i) => i + 1));
    expect(records.filter((r) => r.kind === "error")).toEqual([]);
    const rec = load(folder);
    expect(rec.issues).toEqual([]);
    expect(rec.goVersion).toBe(folder.split("/")[1]);
  });

  const leak = "leak/go1.27.3";
  const fixes = ["fix-timeout/go1.27.3", "fix-close/go1.27.3", "fix-context/go1.27.3"];
  it("leak: forced GCs keep ~50 MB live; the five collectors wait on chan receive, and after the leak check scheddetail shows them as status 10 (_Gleaked)", () => {
    const rec = load(leak);
    const forced = rec.gcs.filter((g) => g.forced);
    expect(forced.length).toBeGreaterThanOrEqual(2);
    for (const g of forced) expect(g.liveMB).toBeGreaterThanOrEqual(48);
    const owners = new Map(rec.goroutines.map((g) => [g.id, g.owner]));
    const check = rec.gcs.find((g) => g.leakCheck)!;
    const program = (s: (typeof rec.snapshots)[number], status: number) =>
      s.gs.filter((g) => g.status === status && g.waitReason === "chan receive" && owners.get(g.id) === "user");
    const before = rec.snapshots.filter((s) => s.t < check.t).at(-1)!;
    expect(program(before, 4)).toHaveLength(5);
    expect(
      stateAt(rec, before.t).goroutines.filter(
        (g) => g.owner === "user" && g.state === "waiting" && g.waitReason === "chan receive",
      ),
    ).toHaveLength(5);
    const last = rec.snapshots.at(-1)!;
    expect(last.t).toBeGreaterThan(check.end);
    expect(program(last, 10)).toHaveLength(5);
    expect(program(last, 4)).toHaveLength(0);
    expect(rec.leakProfile?.total).toBe(5);
    expect(rec.goroutines.some((g) => g.owner === "probe")).toBe(true);
  });

  it("the model takes the runtime's word: the leak's collectors are leaked from the end of the leak-check GC, the fixes' never", () => {
    const rec = load(leak);
    const check = rec.gcs.find((g) => g.leakCheck)!;
    const user = (t: number) => stateAt(rec, t).goroutines.filter((g) => g.owner === "user" && g.id !== 1);
    expect(user(check.t).map((g) => g.state)).toEqual(Array<string>(5).fill("waiting"));
    const atEnd = user(rec.end);
    expect(atEnd.map((g) => [g.state, g.status, g.waitReason])).toEqual(
      Array<unknown>(5).fill(["leaked", 10, "chan receive"]),
    );
    for (const folder of fixes) {
      const fix = load(folder);
      expect(fix.goroutines.flatMap((g) => g.intervals).filter((iv) => iv.state === "leaked")).toEqual([]);
    }
  });
});
