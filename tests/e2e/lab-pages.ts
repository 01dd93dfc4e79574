// What the lab's browser tests do on the page, as a reader would: open it, paste, open a file, read
// what it shows. Shared by lab.test.ts and lab-services.test.ts.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import type { WatchedPage } from "./browser.ts";

export const read = (path: string): string => readFileSync(path, "utf8");

// Expectations come from the text with plain regexes, not from the lab's parser.
const GC_LINE = /^gc \d+ @\d+\.\d{3}s \d+%.*, \d+ P(?: \(forced\))?$/gm;

/** GC cycles, forced ones and the peak live heap of a log's whole gctrace lines. */
export function expected(text: string): { cycles: number; forced: number; peakLive: number } {
  const lines = [...text.replaceAll("\r", "").matchAll(GC_LINE)].map((m) => m[0]);
  const live = lines.map((l) => Number(/\d+->\d+->(\d+) MB/.exec(l)?.[1] ?? NaN));
  return {
    cycles: lines.length,
    forced: lines.filter((l) => l.endsWith(" (forced)")).length,
    peakLive: Math.max(...live),
  };
}

export async function openLab(w: WatchedPage, url: string): Promise<Page> {
  await w.page.goto(url);
  await w.page.waitForSelector("go-log-lab[data-ready]");
  return w.page;
}

export async function waitForSummary(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const lab = document.querySelector("go-log-lab");
    return lab?.getAttribute("data-state") === "drawn" && !lab.hasAttribute("aria-busy");
  });
}

/** Runs `act` and waits until the lab has read and drawn what it started. */
export async function andWait(page: Page, act: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.querySelector("go-log-lab")?.removeAttribute("data-state"));
  await act();
  await waitForSummary(page);
}

export async function paste(page: Page, text: string): Promise<void> {
  await andWait(page, async () => {
    await page.fill(".lab-paste", text);
    await page.click(".lab-parse-paste");
  });
}

export async function openFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await andWait(page, () => page.setInputFiles(".lab-file", { name, mimeType: "application/octet-stream", buffer }));
}

export async function loadRecording(page: Page, id: string): Promise<void> {
  await page.selectOption(".lab-recording", id);
  await andWait(page, () => page.click(".lab-load-recording"));
}

export async function shown(page: Page): Promise<{ cycles: number; peakLive: number | null; summary: string }> {
  return {
    cycles: Number(await page.getAttribute(".lab-summary", "data-cycles")),
    peakLive: await page.getAttribute(".lab-peak-live", "data-mib").then((v) => (v === null ? null : Number(v))),
    summary: await page.innerText(".lab-summary"),
  };
}

/** The rows of a table, each cell's text as shown (innerText), its whitespace squeezed. */
export async function rows(page: Page, selector: string): Promise<string[][]> {
  return page
    .locator(`${selector} tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, " ").trim())),
    );
}
