import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectClean, useBrowser, watchedPage } from "./browser.ts";

const siteUrl = inject("siteUrl");

const browser = useBrowser();

const read = (path: string): string => readFileSync(path, "utf8");

async function open(
  path: string,
  options: Parameters<typeof watchedPage>[2] = {},
): Promise<{ page: Page; done: () => Promise<void> }> {
  const w = await watchedPage(browser(), siteUrl, options);
  await w.page.goto(`${siteUrl}${path}`);
  return {
    page: w.page,
    done: () => expectClean(w),
  };
}

describe.each(["", "en/"])("the article at /%s", (path) => {
  it("shows every program byte for byte as the file the recorder built", async () => {
    const { page, done } = await open(path, { permissions: ["clipboard-read", "clipboard-write"] });
    const programs = await page.$$eval("figure.cell-program", (cells) =>
      cells.map((cell) => ({
        program: cell.getAttribute("data-program") ?? "",
        diff: cell.classList.contains("cell-diff"),
        // A program cell's code is its highlighted listing; a diff's is the file it copies (below).
        text: [...cell.querySelectorAll("pre.shiki code > span")].map((l) => l.textContent).join("\n"),
      })),
    );
    // A diff's "Copy file" button copies the new file, from the diff's own lines.
    const diffs = page.locator("figure.cell-diff");
    for (let i = 0; i < (await diffs.count()); i++) {
      await diffs.nth(i).locator("copy-button[data-lines=new] button").click();
      // Copied once the button says so.
      await diffs.nth(i).locator("copy-button[data-lines=new] [role=status]:not(:empty)").waitFor();
      const program = await diffs.nth(i).getAttribute("data-program");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      for (const p of programs) if (p.diff && p.program === program) p.text = copied;
    }
    expect(programs.map((p) => p.program).sort()).toEqual([
      "fix-close",
      "fix-context",
      "fix-timeout",
      "leak",
      "live",
      "tick",
    ]);
    for (const p of programs) {
      const source = read(`recorder/programs/${p.program}/main.go`);
      expect(p.diff ? p.text : `${p.text}\n`, p.program).toBe(source);
    }
    await done();
  });

  it("marks the line where the recorded goroutines waited", async () => {
    const { page, done } = await open(path);
    const marked = await page.$eval(
      '.cell-program[data-program="leak"]:not(.cell-diff) code > span.blocks',
      (l) => l.textContent,
    );
    expect(marked).toContain("<-in");
    await done();
  });

  it("quotes recorded output exactly: every shown line is that line of the named file", async () => {
    const { page, done } = await open(path);
    const cells = await page.$$eval(".cell-output", (outputs) =>
      outputs.map((cell) => ({
        file: cell.querySelector(".cell-path")?.textContent ?? "",
        lines: [...cell.querySelectorAll("pre.output code")].flatMap((code) => code.textContent.split("\n")),
      })),
    );
    expect(cells.length).toBeGreaterThanOrEqual(5);
    for (const cell of cells) {
      const fileLines = read(cell.file).split("\n");
      for (const shown of cell.lines) {
        const m = /^\s*(\d+) {2}(.*)$/.exec(shown);
        expect(m, `${cell.file}: "${shown}"`).not.toBeNull();
        expect(m?.[2], `${cell.file}:${m?.[1] ?? ""}`).toBe(fileLines[Number(m?.[1]) - 1]);
      }
    }
    await done();
  });

  it("tabulates the leak's GCs with the numbers its gctrace printed", async () => {
    const { page, done } = await open(path);
    const rows = await page.$$eval("#fig-heap-leak .figure-data tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent.trim())),
    );
    // Parsed here with a regex of the test's own, not with the site's parser.
    const expected = read("traces/leak/go1.27.3/stderr.log")
      .split("\n")
      .map((l) => /^gc (\d+) @([\d.]+)s .*?(\d+)->(\d+)->(\d+) MB, (\d+) MB goal/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2], m[5], m[6]]);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual(expected);
    const live = expected.map((e) => Number(e[2]));
    expect(Math.max(...live.slice(2))).toBeGreaterThanOrEqual(50);
    await done();
  });

  it("ends with a methods part that the main text points to, listing the recorder's goroutines from meta.json", async () => {
    const { page, done } = await open(path);
    // The methods part is the last part of the chapter (only the glossary follows).
    const parts = await page.$$eval("section.part > h2", (hs) => hs.map((h) => h.id));
    expect(parts.at(-1)).toBe("methods");
    // The story's parts point there wherever the recorder shows through.
    const pointers = await page.$$eval('section.part a[href="#methods"]', (links) =>
      links.map((a) => a.closest("section.part")?.querySelector("h2")?.id ?? ""),
    );
    expect(new Set(pointers)).toEqual(new Set(["leak", "gctrace", "schedtrace", "fix"]));
    const meta = JSON.parse(read("traces/leak/go1.27.3/meta.json")) as { probe: { goroutines: { id: number }[] } };
    const rows = await page.$$eval("section.part:has(> h2#methods) tbody tr td:first-child", (tds) =>
      tds.map((td) => td.textContent.trim()),
    );
    expect(rows).toEqual(meta.probe.goroutines.map((g) => `G${String(g.id)}`));
    await done();
  });

  it("counts the leak's five collectors at status 10 in its last snapshot, and part 7 quotes them", async () => {
    const { page, done } = await open(path);
    const cells = await page.$eval("#status-10", (tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent.trim()),
    );
    const profile = Number(/total (\d+)/.exec(read("traces/leak/go1.27.3/leak-profile.txt"))?.[1]);
    expect(profile).toBe(5);
    expect(cells[2]).toBe(String(profile));
    const quoted = await page.$$eval("section.part:has(> h2#finding-leaks) .cell-output pre.output code", (codes) =>
      codes.flatMap((c) => c.textContent.split("\n")).filter((l) => /G\d+: status=10\(chan receive\)/.test(l)),
    );
    expect(quoted).toHaveLength(profile);
    await done();
  });

  it("names the source section the chapter grew from", async () => {
    const { page, done } = await open(path);
    const first = await page.$eval("section.part:has(> h2#leak)", (s) => s.textContent);
    expect(first).toContain("9.2.4");
    expect(first).toContain("泄漏");
    await done();
  });

  it("marks every diff line with its sign as text, and says in words what changed", async () => {
    const { page, done } = await open(path);
    const diffs = await page.$$eval("figure.cell-diff", (cells) =>
      cells.map((cell) => ({
        program: cell.getAttribute("data-program") ?? "",
        summary: cell.querySelector(".diff-summary")?.textContent ?? "",
        lines: [...cell.querySelectorAll("pre.shiki code > span")].map((l) => ({
          kind: l.classList.contains("add") ? "+" : l.classList.contains("del") ? "-" : " ",
          text: l.textContent,
        })),
      })),
    );
    expect(diffs.map((d) => d.program)).toEqual(["fix-timeout", "fix-close", "fix-context"]);
    for (const d of diffs) {
      for (const l of d.lines) expect(l.text.slice(0, 1), `${d.program}: ${l.text}`).toBe(l.kind);
      // Without the removed lines and the signs, the listing is the new file.
      const kept = d.lines.filter((l) => l.kind !== "-").map((l) => l.text.slice(1));
      expect(`${kept.join("\n")}\n`).toBe(read(`recorder/programs/${d.program}/main.go`));
      expect(d.summary).toContain(`recorder/programs/${d.program}/main.go`);
      expect(d.summary).toMatch(/[+]/);
    }
    await done();
  });

  it("sets code at 13 px or larger, and wraps recorded output so the end of a gctrace line shows", async () => {
    for (const width of [375, 1280]) {
      const { page, done } = await open(path, { viewport: { width, height: 900 } });
      const small = await page.$$eval("main code, main pre", (els) =>
        els
          .filter((el) => !el.closest("replay-cell") && el.textContent.trim() !== "")
          .map((el) => ({ text: el.textContent.slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) }))
          .filter((c) => c.px < 13),
      );
      expect(small, `at ${String(width)} px`).toEqual([]);
      const gctrace = page.locator("section.part:has(> h2#gctrace) .cell-output pre.output").first();
      await gctrace.scrollIntoViewIfNeeded();
      // Every "(forced)" lies inside the listing's visible box: nothing is cut off or scrolled away.
      const outside = await gctrace.evaluate((pre) => {
        const box = pre.getBoundingClientRect();
        const found: string[] = [];
        let checked = 0;
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (let i = text.indexOf("(forced)"); i >= 0; i = text.indexOf("(forced)", i + 1)) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + "(forced)".length);
            const r = range.getBoundingClientRect();
            checked += 1;
            if (r.left < box.left || r.right > box.right || r.width === 0) found.push(text.slice(0, 12));
          }
        }
        return { found, checked, scrolls: pre.scrollWidth > pre.clientWidth };
      });
      const forced = read("traces/leak/go1.27.3/stderr.log")
        .split("\n")
        .filter((l) => l.startsWith("gc ") && l.endsWith("(forced)")).length;
      expect(outside, `at ${String(width)} px`).toEqual({ found: [], checked: forced, scrolls: false });
      await done();
    }
  });

  it("opens a glossary note on hover, on keyboard focus and on tap, and closes it with Escape", async () => {
    const { page, done } = await open(path);
    const term = page.locator('term-note[data-term="live-heap"] a.term').first();
    const tip = page.locator('term-note[data-term="live-heap"] .term-definition').first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await term.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await term.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await tip.isVisible()).toBe(false);
    await term.dispatchEvent("click");
    expect(await tip.isVisible()).toBe(true);
    await done();
  });

  it("opens the note of a term the pointer or focus is on when the page's script arrives", async () => {
    const w = await watchedPage(browser(), siteUrl);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold back the script that defines <term-note> until the reader is already on a term.
    await w.page.route("**/_astro/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('"term-note"')) await held;
      await route.fulfill({ response, body });
    });
    await w.page.goto(`${siteUrl}${path}`, { waitUntil: "domcontentloaded" });
    const notes = w.page.locator("term-note");
    const pointed = notes.nth(0);
    // The last term, far below the first, so its note cannot cover the pointer; focused without
    // scrolling, so the first stays under the pointer.
    const focused = notes.last();
    await pointed.scrollIntoViewIfNeeded();
    await pointed.locator("a.term").hover();
    await focused.locator("a.term").evaluate((a) => {
      (a as HTMLElement).focus({ preventScroll: true });
    });
    expect(await w.page.evaluate(() => customElements.get("term-note") === undefined)).toBe(true);
    release();
    await w.page.waitForFunction(() => customElements.get("term-note") !== undefined);
    await expect.poll(() => focused.locator(".term-definition").isVisible()).toBe(true);
    await focused.locator("a.term").evaluate((a) => {
      (a as HTMLElement).blur();
    });
    await expect.poll(() => pointed.locator(".term-definition").isVisible()).toBe(true);
    await expect.poll(() => focused.locator(".term-definition").isVisible()).toBe(false);
    await expectClean(w);
  });

  it("opens a glossary note with one tap on a phone, and closes it with a second", async () => {
    const { page, done } = await open(path, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    // A reader taps once the page is ready; a tap before that follows the link to the glossary.
    await page.waitForFunction(() => customElements.get("term-note") !== undefined);
    const term = page.locator('term-note[data-term="live-heap"] a.term').first();
    const tip = page.locator('term-note[data-term="live-heap"] .term-definition').first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await page.waitForTimeout(300); // past the hide delay a blur would have started
    expect(await tip.isVisible()).toBe(true);
    expect(await term.getAttribute("aria-expanded")).toBe("true");
    await term.tap();
    await page.waitForTimeout(300);
    expect(await tip.isVisible()).toBe(false);
    await done();
  });
});

describe("recordings and sources", () => {
  it("every recording was made from the program file as it is now (meta.json SHA-256)", () => {
    for (const folder of [
      "leak/go1.27.3",
      "fix-timeout/go1.27.3",
      "fix-close/go1.27.3",
      "fix-context/go1.27.3",
      "tick/go1.27.3",
      "tick/go1.19.8",
    ]) {
      const meta = JSON.parse(read(`traces/${folder}/meta.json`)) as { source: { path: string; sha256: string } };
      const digest = createHash("sha256").update(readFileSync(meta.source.path)).digest("hex");
      expect(digest, folder).toBe(meta.source.sha256);
    }
  });
});

describe("copying a program", () => {
  it("puts the file's text on the clipboard", async () => {
    const context = await browser().newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`);
    const button = page.locator('.cell-program[data-program="leak"]:not(.cell-diff) copy-button button');
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(`${copied}\n`).toBe(read("recorder/programs/leak/main.go"));
    await context.close();
  });
});

describe("copying a diff", () => {
  it("puts the diff, signs included, on the clipboard, and the file with the other button", async () => {
    const context = await browser().newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/`);
    const cell = page.locator('.cell-diff[data-program="fix-close"]');
    await cell.locator("copy-button button", { hasText: "Copy diff" }).click();
    const diff = (await page.evaluate(() => navigator.clipboard.readText())).split("\n");
    expect(diff.every((l) => /^[-+ ]/.test(l))).toBe(true);
    expect(diff.some((l) => l.startsWith("-")) && diff.some((l) => l.startsWith("+"))).toBe(true);
    const file = read("recorder/programs/fix-close/main.go");
    expect(
      `${diff
        .filter((l) => !l.startsWith("-"))
        .map((l) => l.slice(1))
        .join("\n")}\n`,
    ).toBe(file);
    await cell.locator("copy-button button", { hasText: "Copy file" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(file);
    await context.close();
  });
});
