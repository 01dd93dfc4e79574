import { describe, expect, inject, it } from "vitest";
import { expectClean, useBrowser, type WatchedPage } from "./browser.ts";
import { openReplay as openAt, scrub, text } from "./replay-page.ts";

// The replay for readers who listen, use a keyboard, or read Chinese: what it speaks and when,
// where focus goes, and the page's language in every panel.

const siteUrl = inject("siteUrl");
const browser = useBrowser();

const openReplay = (hash = "", lang: "en/" | "" = "en/", width = 1280): Promise<WatchedPage> =>
  openAt(browser(), siteUrl, hash, lang, width);

describe("the replay for every reader", () => {
  it("speaks on pause, step and seek only: at most a couple of announcements a second while playing", async () => {
    const w = await openReplay("#variant=timeout&t=0");
    const { page } = w;
    await page.evaluate(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          const region = el?.closest("[aria-live]");
          if (region && region.getAttribute("aria-live") !== "off" && region.textContent !== "")
            spoken.push(region.textContent);
        }
      });
      observer.observe(document.querySelector("replay-cell") ?? document, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    // At half speed the recording plays for 12.6 s: the 180 frames below end long before it does,
    // even on a busy machine, so the pause below is a reader's pause, not the end.
    await page.selectOption("replay-cell .player-speed select", "0.5");
    await page.click("replay-cell .player-play");
    // While it plays, the player's time and the mechanism's text alternative name the same
    // hundredth of a second on every frame.
    const disagree = await page.evaluate(async () => {
      const seen: string[] = [];
      for (let i = 0; i < 180; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const shown = /[\d.]+/.exec(document.querySelector("replay-cell .player-time")?.textContent ?? "")?.[0];
        const alt = /[\d.]+/.exec(document.querySelector("[data-mechanism-alt]")?.textContent ?? "")?.[0];
        if (shown !== alt) seen.push(`${String(shown)} vs ${String(alt)}`);
      }
      return seen;
    });
    expect(disagree).toEqual([]);
    const whilePlaying = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length);
    expect(whilePlaying).toBeLessThanOrEqual(6);
    expect(await page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("true");
    await page.click("replay-cell .player-play");
    // Spoken a moment after the pause (the caption is emptied, then written): on a busy machine
    // that moment can come late.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length))
      .toBeGreaterThan(whilePlaying);
    // What was spoken stays on screen: the caption of the moment the clock stopped at.
    const caption = await text(page, "[data-step-caption]");
    expect(caption).not.toBe("");
    await page.waitForTimeout(700);
    expect(await text(page, "[data-step-caption]")).toBe(caption);
    expect(await page.getAttribute("replay-cell > section", "aria-label")).toMatch(/^Replay of the recorded runs/);
    // In half-second jumps (reduced motion), a pause between two jumps leaves the caption too.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.click("replay-cell .player-play");
    await page.waitForTimeout(1200);
    await page.click("replay-cell .player-play");
    await page.waitForTimeout(700);
    expect(await text(page, "[data-step-caption]")).not.toBe("");
    await expectClean(w);
  });

  it("works from the keyboard alone, and focus never hides under the sticky player", async () => {
    const w = await openReplay();
    const { page } = w;
    await page.locator('replay-cell .variant-button[data-variant="leak"]').focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-variant"))).toBe("timeout");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute('replay-cell .variant-button[data-variant="timeout"]', "aria-pressed")).toBe("true");
    await page.locator("replay-cell .player-scrub input").focus();
    await page.keyboard.press("End");
    expect(await text(page, ".player-time")).toMatch(/^6\.\d\d s$/);
    await page.keyboard.press("Home");
    expect(await text(page, ".player-time")).toBe("0.00 s");
    await page.keyboard.press("Space");
    await expect.poll(async () => page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("true");
    await page.waitForTimeout(400);
    await page.keyboard.press("Space");
    expect(await page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("false");
    // Scrolled so that the player sticks to the top over the first runtime group's button, then
    // Shift+Tab from the next control moves focus back to it: it must come out from under the bar.
    await page.locator("replay-cell .lane-group button").nth(1).focus();
    await page.evaluate(() => {
      const g = document.querySelector("replay-cell .lane-group button");
      if (g) scrollBy(0, g.getBoundingClientRect().top - 20);
    });
    await page.keyboard.press("Shift+Tab");
    const [bar, focused] = await page.evaluate(() => [
      document.querySelector("replay-cell .replay-player")?.getBoundingClientRect().bottom ?? 0,
      document.activeElement?.getBoundingClientRect().top ?? 0,
    ]);
    expect(await page.evaluate(() => document.activeElement?.closest(".lane-group")?.getAttribute("data-role"))).toBe(
      "runtime",
    );
    expect(focused).toBeGreaterThanOrEqual(bar);
    await page.keyboard.press("Enter");
    expect(await page.locator('replay-cell .lane[data-role="runtime"]').count()).toBeGreaterThan(3);
    await expectClean(w);
  });

  it("keeps one Tab stop in the log, on the newest line once the clock stops; arrows, Home and End move along it", async () => {
    // From the end: Play starts the recording again, and the lines shown go away but the first.
    const w = await openReplay("#variant=leak&t=6.29");
    const { page } = w;
    const stops = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLButtonElement>("replay-cell .log-line")]
          .filter((b) => b.tabIndex === 0)
          .map((b) => b.textContent),
      );
    const shown = () => page.locator("replay-cell .log-line:visible").allTextContents();
    await page.click("replay-cell .player-play");
    await page.waitForTimeout(1500);
    // While it plays the Tab stop is on a line that shows (at most half a second behind the newest).
    const playing = await stops();
    expect(playing).toHaveLength(1);
    expect(await shown()).toContain(playing[0]);
    await page.click("replay-cell .player-play");
    const lines = await shown();
    expect(lines.length).toBeGreaterThan(3);
    expect(await stops()).toEqual([lines.at(-1)]);
    await page.locator("replay-cell .log-line[tabindex='0']").focus();
    await page.keyboard.press("Home");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(lines[0]);
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(lines[1]);
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(lines.at(-1));
    expect(await stops()).toEqual([lines.at(-1)]);
    // A seek while paused moves it at once.
    await scrub(page, 0.5);
    const early = await shown();
    await page.locator("replay-cell .player-play").focus();
    expect(await stops()).toEqual([early.at(-1)]);
    await expectClean(w);
  });

  it("speaks the page's language: times, states, counts and captions in Chinese", async () => {
    const w = await openReplay("#t=3", "");
    const { page } = w;
    expect(await text(page, ".player-time")).toBe("3.00 秒");
    expect(await page.getAttribute("replay-cell .player-scrub input", "aria-valuetext")).toBe("3.00 秒");
    expect(await page.locator('replay-cell .lane[data-role="collector"] .lane-state').first().textContent()).toBe(
      "等待中（chan receive）",
    );
    expect(await text(page, ".lanes-counts")).toMatch(/^程序的 goroutine: 等待中 6/);
    expect(await text(page, "[data-step-caption]")).toMatch(/^GC \d+（强制）：仍存活 52 MB/);
    await scrub(page, 0);
    expect(await text(page, ".status-snapshot")).toBe(
      "取自 scheddetail 在 0 ms 打印的快照（日志里标出的那个 SCHED 块）",
    );
    await expectClean(w);
  });
});
