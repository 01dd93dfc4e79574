import { describe, expect, it } from "vitest";
import { en } from "../../../src/i18n/en.ts";
import { fill } from "../../../src/i18n/fill.ts";
import { zh } from "../../../src/i18n/zh.ts";

/** Every string of a table with its path, e.g. ["replay.client.readout", "t = {t} s · …"]. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${String(i)}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path === "" ? k : `${path}.${k}`));
  }
  throw new Error(`${path}: not a string`);
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("the string tables", () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zh));

  it("have the same strings in both languages (the type check says so too)", () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it("give each template the same placeholders in both languages", () => {
    const differ = [...enLeaves]
      .filter(([path, s]) => placeholders(s).join() !== placeholders(zhLeaves.get(path) ?? "").join())
      .map(([path]) => path);
    expect(differ).toEqual([]);
  });

  it("have no empty string", () => {
    expect([...enLeaves, ...zhLeaves].filter(([, s]) => s === "").map(([p]) => p)).toEqual([]);
  });
});

describe("fill", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(fill(en.cells.moreLines, { n: 12 })).toBe("… 12 more lines (show)");
    expect(fill(zh.replay.client.waitingHere, { n: 5, line: 15, code: "b, ok := <-in" })).toBe(
      "程序有 5 个 goroutine 在第 15 行等待：b, ok := <-in",
    );
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
