// The article writes counts and lists from the recordings; these are the words a reader sees.
import { describe, expect, it } from "vitest";
import { countWord, joinList, joinSentences, many } from "../../../src/i18n/prose.ts";

describe("counts and lists in prose", () => {
  it("writes small counts as words in each language, larger ones as digits", () => {
    expect([0, 2, 5, 6, 12].map((n) => countWord("en", n))).toEqual(["no", "two", "five", "six", "twelve"]);
    expect([0, 2, 5, 6, 12].map((n) => countWord("zh", n))).toEqual(["零", "两", "五", "六", "十二"]);
    expect(countWord("en", 13)).toBe("13");
    expect(`调用它${countWord("zh", 300008)}次`).toBe("调用它 300008 次");
    expect(countWord("en", 2.5)).toBe("2.5");
  });

  it("stops the build when a plural sentence would get fewer than two", () => {
    expect(many("en", 5)).toBe("five");
    expect(() => many("en", 1)).toThrow(/two or more/);
    expect(() => many("zh", 0)).toThrow(/two or more/);
    expect(() => many("en", Number.NaN)).toThrow(/gives NaN/);
  });

  it("joins lists as each language does", () => {
    expect(joinList("en", ["G7", "G8", "G11"])).toBe("G7, G8 and G11");
    expect(joinList("zh", ["G7", "G8", "G11"])).toBe("G7、G8 和 G11");
    expect(joinList("en", ["G7"])).toBe("G7");
    expect(joinList("en", [null, 3])).toBe("– and 3");
  });

  it("runs sentences together with a space in English and none in Chinese", () => {
    expect(joinSentences("en", ["One.", "Two.", "Three."])).toBe("One. Two. Three.");
    expect(joinSentences("zh", ["一。", "二。"])).toBe("一。二。");
    expect(joinSentences("en", ["Alone."])).toBe("Alone.");
  });
});
