import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectClean, useBrowser, watchedPage, type WatchedPage } from "./browser.ts";
import { timeAxis } from "./replay-page.ts";

// While the clock plays, the browser moves the time cursors and the heap chart's revealed curve
// (src/client/replay/motion.ts) instead of a write every frame. What a reader sees must not change:
// at every frame they stand where the paused replay puts them for the time the player shows.

const siteUrl = inject("siteUrl");
const browser = useBrowser();

async function openReplay(width: number, hash = "#variant=leak&t=0"): Promise<WatchedPage> {
  const w = await watchedPage(browser(), siteUrl, { viewport: { width, height: 900 } });
  await w.page.goto(`${siteUrl}en/${hash}`);
  await w.page.locator("replay-cell").scrollIntoViewIfNeeded();
  await w.page.locator("replay-cell[data-ready]").waitFor();
  await w.page.locator("replay-cell .replay-heap").scrollIntoViewIfNeeded();
  return w;
}

interface Where {
  time: number;
  heap: number;
  lanes: number;
  clip: number;
  /** How far the slider's drawn thumb is from where the time shown puts it, in pixels. */
  thumbOff: number;
}

/** The time axis now (timeAxis), with the heap's and the lanes' cursor by name. */
const where = async (page: Page): Promise<Where> => {
  const { time, cursors, clip, thumb } = await timeAxis(page);
  const [heap = 0, lanes = 0] = cursors;
  return { time, heap, lanes, clip, thumbOff: Math.abs(thumb.drawn - thumb.at) };
};

/** How many of the page's animations are the replay's own (not CSS transitions or animations). */
const ours = (): number =>
  document.getAnimations().filter((a) => !(a instanceof CSSTransition) && !(a instanceof CSSAnimation)).length;

describe("the replay while it plays", () => {
  for (const width of [375, 1280]) {
    it(`moves its cursors and curve with the clock, where the paused replay puts them (${String(width)} px)`, async () => {
      const w = await openReplay(width);
      const { page } = w;
      await page.click("replay-cell .player-play");
      const seen: Where[] = [];
      for (let i = 0; i < 6; i++) {
        // While it plays, the reader changes the speed, then the program: the motion follows both.
        if (i === 2) await page.selectOption("replay-cell .player-speed select", "0.5");
        if (i === 4) await page.click('replay-cell .variant-button[data-variant="timeout"]');
        await page.waitForTimeout(250);
        // Read in one task: the time the last frame wrote, and where the animations stood at that
        // frame (the document timeline moves on from frame to frame only).
        seen.push(await where(page));
      }
      // The recording lasts 6.29 s: it plays still, a few seconds of reading and clicking later at 1x and 0.5x.
      expect(await page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("true");
      await page.click("replay-cell .player-play");
      expect(await page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("false");
      expect(seen.at(-1)?.time ?? 0).toBeGreaterThan(0.8);
      for (const [i, s] of seen.entries()) {
        expect(Math.abs(s.heap - s.lanes), `frame ${String(i)} at ${String(s.time)} s`).toBeLessThan(1);
        expect(Math.abs(s.heap - s.clip), `frame ${String(i)} at ${String(s.time)} s`).toBeLessThan(1.5);
        expect(s.thumbOff, `the slider, frame ${String(i)} at ${String(s.time)} s`).toBeLessThan(1);
      }
      // The paused replay at each time the player showed: the cursor where it stood while playing
      // (the time reads in hundredths: a hundredth of a second is under a pixel at these widths).
      for (const s of seen) {
        await page.locator("replay-cell .player-scrub input").fill(s.time.toFixed(2));
        const paused = await where(page);
        expect(paused.time).toBe(s.time);
        expect(Math.abs(paused.heap - s.heap), `at ${String(s.time)} s`).toBeLessThan(1);
        expect(Math.abs(paused.clip - s.clip), `at ${String(s.time)} s`).toBeLessThan(1);
        expect(paused.thumbOff, `the paused slider at ${String(s.time)} s`).toBeLessThan(1);
      }
      expect(await page.evaluate(ours)).toBe(0);
      await expectClean(w);
    });
  }

  it("moves in half-second jumps, with no animation, for readers who prefer less motion", async () => {
    const w = await openReplay(1280);
    const { page } = w;
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.click("replay-cell .player-play");
    // Two ticks of the clock's half-second timer: a second or a little more, on a busy machine later.
    await expect.poll(async () => (await where(page)).time, { timeout: 5000 }).toBeGreaterThan(0.9);
    expect(await page.evaluate(ours)).toBe(0);
    const s = await where(page);
    await page.click("replay-cell .player-play");
    // A frame that threw part-way would leave one panel a tick behind another: say so first.
    expect(w.consoleErrors, "console errors").toEqual([]);
    expect(s.time).toBeGreaterThan(0.9);
    expect(Math.abs(s.heap - s.clip), JSON.stringify(s)).toBeLessThan(1.5);
    expect(s.thumbOff, JSON.stringify(s)).toBeLessThan(1);
    await expectClean(w);
  });

  it("switches to half-second jumps when the reader asks for less motion while it plays, and back", async () => {
    const w = await openReplay(1280);
    const { page } = w;
    await page.click("replay-cell .player-play");
    await expect.poll(() => page.evaluate(ours)).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: "reduce" });
    // The browser's motion stops at once; the clock goes on in jumps, every panel where it says.
    await expect.poll(() => page.evaluate(ours)).toBe(0);
    const from = (await where(page)).time;
    await expect.poll(async () => (await where(page)).time, { timeout: 5000 }).toBeGreaterThan(from);
    const s = await where(page);
    expect(Math.abs(s.heap - s.clip), JSON.stringify(s)).toBeLessThan(1.5);
    expect(Math.abs(s.heap - s.lanes), JSON.stringify(s)).toBeLessThan(1);
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await expect.poll(() => page.evaluate(ours)).toBeGreaterThan(0);
    await page.click("replay-cell .player-play");
    await expectClean(w);
  });

  it("lets the reader take the slider while it plays: dragging its thumb as drawn, or with a key from the time shown", async () => {
    const w = await openReplay(1280);
    const { page } = w;
    const slider = page.locator("replay-cell .player-scrub input");
    await page.click("replay-cell .player-play");
    await page.waitForTimeout(800);
    // The input's own thumb is transparent; the drawn one stands where the clock is. Dragged from
    // there, the clock stops and the thumb stays under the pointer, at the time shown.
    const { thumb } = await timeAxis(page);
    const box = await slider.boundingBox();
    const y = (box?.y ?? 0) + (box?.height ?? 0) / 2;
    await page.mouse.move(thumb.drawn, y);
    await page.mouse.down();
    await page.mouse.move(thumb.drawn + 40, y, { steps: 4 });
    await page.mouse.up();
    expect(await page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("false");
    const dragged = await timeAxis(page);
    expect(Math.abs(dragged.thumb.drawn - (thumb.drawn + 40))).toBeLessThan(2);
    expect(Math.abs(dragged.thumb.drawn - dragged.thumb.at)).toBeLessThan(1);
    expect(Number(await slider.inputValue())).toBe(dragged.time);
    // Playing again, a key steps from the time shown, not from where the input last stood.
    await page.click("replay-cell .player-play");
    await page.waitForTimeout(600);
    await slider.focus();
    const before = (await timeAxis(page)).time;
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute("replay-cell .player-play", "aria-pressed")).toBe("false");
    const after = await timeAxis(page);
    expect(after.time, `${String(before)} s, then ArrowRight`).toBeGreaterThan(before);
    // (The clock goes on between reading the time and the key, on a busy machine a tenth of a second.)
    expect(after.time - before).toBeLessThan(0.5);
    expect(Number(await slider.inputValue())).toBe(after.time);
    expect(await slider.getAttribute("aria-valuetext")).toBe(`${after.time.toFixed(2)} s`);
    expect(Math.abs(after.thumb.drawn - after.thumb.at)).toBeLessThan(1);
    await expectClean(w);
  });
});
