import type { Browser, Page } from "playwright-core";
import { watchedPage, type WatchedPage } from "./browser.ts";

// What the replay's browser tests share: opening the article at a replay state, scrubbing, reading
// a panel, and where the time axis stands.

/** Opens the article (English unless lang is "") at a replay state, with the cell ready. */
export async function openReplay(
  browser: Browser,
  siteUrl: string,
  hash = "",
  lang: "en/" | "" = "en/",
  width = 1280,
): Promise<WatchedPage> {
  const w = await watchedPage(browser, siteUrl, { viewport: { width, height: 900 } });
  await w.page.goto(`${siteUrl}${lang}${hash}`);
  await w.page.locator("replay-cell").scrollIntoViewIfNeeded();
  await w.page.locator("replay-cell[data-ready]").waitFor();
  return w;
}

/** Moves the clock with the slider, as a reader dragging it would. */
export const scrub = (page: Page, t: number): Promise<void> =>
  page.locator("replay-cell .player-scrub input").fill(String(t));

/** The text of the cell's first element matching a selector, trimmed. */
export const text = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(`replay-cell ${selector}`).first().textContent()) ?? "").trim();

/** A count in the status table: goroutines with a status, the program's own or all. */
export const count = async (page: Page, status: number, column: "user" | "all"): Promise<string> =>
  text(page, `tr[data-status="${String(status)}"] .count-${column}`);

/** Where the replay's time axis stands on screen now: its two cursors, the revealed curve's edge, the slider's thumb. */
export interface AxisNow {
  /** The player's time, in seconds, as it reads. */
  time: number;
  /** The cursors' x, in page pixels (the middle of their 2 px line). */
  cursors: number[];
  /** The right edge of the heap chart's revealed curve, in page pixels. */
  clip: number;
  /** The middle of the slider's thumb as drawn, and where the time shown puts it on the track. */
  thumb: { drawn: number; at: number };
}

/**
 * Reads the axis in one task: the time the last frame wrote, and where the cursors and the clip
 * stood at that frame, whether a frame wrote them (paused) or the browser animates them (playing).
 */
export const timeAxis = (page: Page): Promise<AxisNow> =>
  page.evaluate(() => {
    const cell = document.querySelector("replay-cell");
    const cursors = [...(cell?.querySelectorAll(".time-cursor[data-replay-cursor]") ?? [])].map(
      (c) => c.getBoundingClientRect().left + 1,
    );
    const layer = [...document.querySelectorAll<HTMLElement>(".heap-layer.current [data-x-range]")].find(
      (e) => e.offsetParent !== null,
    );
    const svg = layer?.querySelector("svg");
    const rect = layer?.querySelector("clipPath rect");
    const box = svg?.getBoundingClientRect();
    const scale = (box?.width ?? 0) / Number(svg?.getAttribute("width") ?? 1);
    // The used width: the animated one while playing, the attribute's when paused.
    const width = rect ? Number.parseFloat(getComputedStyle(rect).width) : 0;
    const time = Number(/[\d.]+/.exec(cell?.querySelector(".player-time")?.textContent ?? "")?.[0]);
    // A range input's thumb travels its track, inside the track's border (1 px), less its own
    // width: its middle from half a thumb in.
    const input = cell?.querySelector(".player-scrub input");
    const track = input?.getBoundingClientRect();
    const knob = cell?.querySelector(".scrub-thumb")?.getBoundingClientRect();
    const max = Number(input?.getAttribute("max"));
    const size = knob?.width ?? 0;
    const thumb = {
      drawn: (knob?.left ?? 0) + size / 2,
      at: (track?.left ?? 0) + 1 + size / 2 + ((track?.width ?? 0) - 2 - size) * (time / max),
    };
    return { time, cursors, clip: (box?.left ?? 0) + width * scale, thumb };
  });
