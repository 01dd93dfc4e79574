import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** Where the committed chart snapshots live. */
const SNAPSHOTS = fileURLToPath(new URL("../../snapshots/", import.meta.url));

/**
 * Makes two renderings of the same chart compare equal wherever they only differ in what does not
 * show: numbers rounded to two decimals (a hundredth of a pixel), ids renumbered in order of first
 * appearance (Plot's and ours keep counting inside one process), one element per line for a
 * readable diff.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) {
    const id = m[1] ?? "";
    if (!ids.has(id)) ids.set(id, `id-${String(ids.size + 1)}`);
  }
  let out = svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
  out = out.replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${ids.get(id) ?? id}"`);
  out = out.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${ids.get(id) ?? id})`);
  out = out.replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${ids.get(id) ?? id}"`);
  return out.replace(/></g, ">\n<") + "\n";
}

/**
 * Compares a chart's SVG with tests/snapshots/<name>.svg. On a difference it writes
 * <name>-changed.svg beside it (open both to see what moved) and fails. Snapshots are written only
 * on request, on a developer's machine: `UPDATE_SNAPSHOTS=1 npx vitest run --project unit`; never
 * under CI=true, where a missing snapshot is a failure like a changed one.
 */
export function expectSvgSnapshot(name: string, svg: string): void {
  const file = join(SNAPSHOTS, `${name}.svg`);
  const changed = join(SNAPSHOTS, `${name}-changed.svg`);
  const actual = normaliseSvg(svg);
  const update = process.env["UPDATE_SNAPSHOTS"] === "1" && process.env["CI"] !== "true";
  const expected = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  mkdirSync(SNAPSHOTS, { recursive: true });
  if (update) {
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  if (expected === null) {
    expect.fail(
      `no snapshot ${name}.svg: look at ${name}-changed.svg and, if it is right, make it the snapshot ` +
        "(UPDATE_SNAPSHOTS=1 npx vitest run --project unit, not under CI)",
    );
  }
  const a = expected.split("\n");
  const b = actual.split("\n");
  const line = a.findIndex((l, i) => l !== b[i]);
  // Where the lines part (a path's "d" can be thousands of characters long).
  const was = a[line] ?? "";
  const now = b[line] ?? "";
  let differ = 0;
  while (differ < was.length && was[differ] === now[differ]) differ++;
  const from = Math.max(0, differ - 40);
  const cut = (l: string): string => l.slice(from, from + 120);
  expect.fail(
    `${name}.svg changed (first at line ${String(line + 1)}, from character ${String(from)}: ` +
      `${JSON.stringify(cut(was))} is now ${JSON.stringify(cut(now))}); compare it with ${name}-changed.svg, and if the change is meant, ` +
      "UPDATE_SNAPSHOTS=1 npx vitest run --project unit (not under CI)",
  );
}
