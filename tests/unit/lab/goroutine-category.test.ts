import { describe, expect, it } from "vitest";
import { goroutineCategory } from "../../../src/lib/lab/goroutine-category.ts";

describe("goroutineCategory", () => {
  it("uses the wait reason only for waiting and leaked goroutines", () => {
    expect(goroutineCategory(4, "chan receive")).toBe("chan receive");
    expect(goroutineCategory(4100, "select")).toBe("select");
    expect(goroutineCategory(10, "chan receive")).toBe("leaked: chan receive");
    expect(goroutineCategory(1, "chan receive")).toBe("runnable");
    expect(goroutineCategory(2, "")).toBe("running");
    expect(goroutineCategory(6, "")).toBe("dead");
    expect(goroutineCategory(42, "")).toBe("status 42");
  });
});
