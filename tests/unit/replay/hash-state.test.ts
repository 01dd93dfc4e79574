import { describe, expect, it } from "vitest";
import { readHash, writeHash } from "../../../src/lib/replay/hash-state.ts";

const variants = ["leak", "timeout", "close", "context"];
const fallback = { variant: "leak", t: 0 };

describe("the replay's URL hash", () => {
  it("reads a variant and a time", () => {
    expect(readHash("#variant=timeout&t=2.5", variants, 6, fallback)).toEqual({ variant: "timeout", t: 2.5 });
  });

  it("falls back per key on nonsense, without throwing", () => {
    for (const hash of [
      "",
      "#",
      "#variant=nope",
      "#t=abc",
      "#t=-1",
      "#t=7",
      "#t=1e2",
      "#t=Infinity",
      "#%E0%A4%A",
      "#variant",
    ]) {
      const state = readHash(hash, variants, 6, fallback);
      expect(state, hash).toEqual(fallback);
    }
    expect(readHash("#variant=close&t=oops", variants, 6, fallback)).toEqual({ variant: "close", t: 0 });
  });

  it("writes the state and keeps keys it does not own", () => {
    expect(writeHash("#theme=dark", { variant: "close", t: 3.2 })).toBe("#theme=dark&variant=close&t=3.2");
    expect(writeHash("", { variant: "leak", t: 0 })).toBe("#variant=leak&t=0");
    expect(writeHash("#variant=leak&t=1", { variant: "leak", t: 2 })).toBe("#variant=leak&t=2");
  });

  it("round-trips whatever it writes", () => {
    for (const t of [0, 0.01, 1.5, 2.25, 6]) {
      const hash = writeHash("#theme=light", { variant: "context", t });
      expect(readHash(hash, variants, 6, fallback)).toEqual({ variant: "context", t });
    }
  });
});
