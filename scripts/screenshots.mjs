#!/usr/bin/env node
// Screenshots for looking at the site as a reader would: each page at phone (375 px) and desktop
// (1280 px) width, light and dark, into .tmp/screenshots/. Build first (npm run build).
//   node scripts/screenshots.mjs [path ...]     e.g. node scripts/screenshots.mjs / /en/
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/server.ts";

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["/", "/en/"];
const out = resolve(".tmp/screenshots");
mkdirSync(out, { recursive: true });
const server = await startServer(resolve("dist"), "/");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
for (const path of paths) {
  for (const width of [375, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(new URL(path.replace(/^\//, ""), server.url).href);
      const name = `${path.replace(/\W+/g, "_") || "_"}-${width}-${scheme}.png`;
      await page.screenshot({ path: resolve(out, name), fullPage: process.env.FULL === "1" });
      console.log(resolve(out, name));
      await context.close();
    }
  }
}
await browser.close();
await server.close();
