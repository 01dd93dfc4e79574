import { describe, expect, it } from "vitest";
import { findLms, scorm12Time } from "../../../src/client/scorm/find-api.ts";

/** A recording stand-in for an LMS's SCORM 1.2 API object. */
interface Api12 {
  calls: string[];
  LMSInitialize: () => string;
  LMSGetValue: (k?: string) => string;
  LMSSetValue: (k?: string, v?: string) => string;
  LMSCommit: () => string;
  LMSFinish: () => string;
}
function api12(status = "not attempted"): Api12 {
  const calls: string[] = [];
  const data = new Map([["cmi.core.lesson_status", status]]);
  return {
    calls,
    LMSInitialize: () => (calls.push("LMSInitialize"), "true"),
    LMSGetValue: (k = "") => data.get(k) ?? "",
    LMSSetValue: (k = "", v = "") => (calls.push(`${k}=${v}`), data.set(k, v), "true"),
    LMSCommit: () => (calls.push("LMSCommit"), "true"),
    LMSFinish: () => (calls.push("LMSFinish"), "true"),
  };
}

type FakeWindow = { parent: FakeWindow; opener?: FakeWindow | null } & Record<string, unknown>;
function win(props: Record<string, unknown> = {}, parent?: FakeWindow): FakeWindow {
  const w = { ...props } as FakeWindow;
  w.parent = parent ?? w;
  return w;
}
/** A window of another origin: every property read throws, as the browser's does. */
function foreign(parent?: FakeWindow): FakeWindow {
  const target = win({}, parent);
  return new Proxy(target, {
    get(t, key) {
      if (key === "parent") return t.parent;
      throw new DOMException("Blocked a frame with origin", "SecurityError");
    },
  });
}
const find = (w: FakeWindow): ReturnType<typeof findLms> => findLms(w as unknown as Window);

describe("finding the LMS", () => {
  it("finds SCORM 1.2's API on a parent a few frames up, past a frame of another origin", () => {
    const api = api12();
    const top = win({ API: api });
    const middle = foreign(top);
    const sco = win({}, win({}, middle));
    const lms = find(sco);
    expect(lms?.version).toBe("1.2");
    expect(lms?.initialize()).toBe(true);
    lms?.start();
    lms?.complete();
    lms?.finish(61_500);
    expect(api.calls).toEqual([
      "LMSInitialize",
      "cmi.core.lesson_status=incomplete",
      "LMSCommit",
      "cmi.core.lesson_status=completed",
      "LMSCommit",
      "cmi.core.session_time=0000:01:01.50",
      "LMSFinish",
    ]);
  });

  it("looks in the window that opened this one when no parent has it", () => {
    const api = api12();
    const sco = win();
    sco.opener = win({}, win({ API: api }));
    expect(find(sco)?.version).toBe("1.2");
  });

  it("takes SCORM 2004's API_1484_11 when there is no 1.2 API", () => {
    const calls: string[] = [];
    const api = {
      Initialize: () => "true",
      GetValue: () => "unknown",
      SetValue: (k: string, v: string) => (calls.push(`${k}=${v}`), "true"),
      Commit: () => "true",
      Terminate: () => (calls.push("Terminate"), "true"),
    };
    const lms = find(win({}, win({ API_1484_11: api })));
    expect(lms?.version).toBe("2004");
    lms?.start();
    lms?.complete();
    lms?.finish(2000);
    expect(calls).toEqual([
      "cmi.completion_status=incomplete",
      "cmi.completion_status=completed",
      "cmi.session_time=PT2.00S",
      "Terminate",
    ]);
  });

  it("keeps a status the LMS already has, and finds nothing outside an LMS", () => {
    const api = api12("completed");
    const lms = find(win({ API: api }));
    expect(lms?.completed()).toBe(true);
    lms?.start();
    expect(api.calls).toEqual(["LMSCommit"]);
    expect(find(win({}, win({ API: { LMSInitialize: 1 } })))).toBeNull();
    expect(find(win({}, foreign()))).toBeNull();
  });

  it("writes SCORM 1.2's time span", () => {
    expect(scorm12Time(0)).toBe("0000:00:00.00");
    expect(scorm12Time(3_723_456)).toBe("0001:02:03.46");
  });
});
