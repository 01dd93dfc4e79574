// The portable build on a small fixture site: tests/fixtures/portable/in goes through the same two
// steps as astro:build:done (make-portable, then the CSP), and must give exactly the files of
// tests/fixtures/portable/out. To accept a change on purpose: UPDATE_SNAPSHOTS=1 (not under CI),
// then read the diff of out/ before committing it.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { addContentSecurityPolicy } from "../../../build/csp.ts";
import { makePortable } from "../../../build/make-portable.ts";

const fixtures = fileURLToPath(new URL("../../fixtures/portable/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "bf-portable-"));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const list = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();

describe("portable build, golden files", () => {
  it("rewrites the fixture site into exactly the expected files", async () => {
    const site = join(work, "site");
    cpSync(join(fixtures, "in"), site, { recursive: true });
    const report = await makePortable(site);
    const csp = await addContentSecurityPolicy(site);
    expect(report).toEqual({ pages: 2, scripts: 2, urls: expect.any(Number) as number });
    expect(csp.blocked).toEqual([]);

    const expected = join(fixtures, "out");
    if (process.env["UPDATE_SNAPSHOTS"] === "1" && process.env["CI"] !== "true") {
      rmSync(expected, { recursive: true, force: true });
      cpSync(site, expected, { recursive: true });
    }
    expect(existsSync(expected), "tests/fixtures/portable/out is missing (UPDATE_SNAPSHOTS=1, not under CI)").toBe(
      true,
    );
    expect(list(site)).toEqual(list(expected));
    for (const file of list(expected)) {
      expect(readFileSync(join(site, file), "utf8"), file).toBe(readFileSync(join(expected, file), "utf8"));
    }
  });
});
