import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startServer, type RunningServer } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built site served at the root of a local origin, e.g. http://127.0.0.1:43210/ */
    siteUrl: string;
    /** The same site served under a subfolder of another local origin. */
    subfolderUrl: string;
    /** The built site served at the root of a third origin without compression (Python's http.server's way). */
    plainUrl: string;
    /** The built folder, for file:// tests. */
    distDir: string;
  }
}

/** Serves dist/ three times (at a root, under a subfolder, and uncompressed) for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = resolve("dist");
  if (!existsSync(resolve(distDir, "index.html"))) {
    throw new Error("dist/index.html is missing: build the site first (npm run build).");
  }
  const servers: RunningServer[] = [
    await startServer(distDir, "/"),
    await startServer(distDir, "/courses/go/leak/"),
    await startServer(distDir, "/", { compress: false }),
  ];
  project.provide("siteUrl", servers[0]?.url ?? "");
  project.provide("subfolderUrl", servers[1]?.url ?? "");
  project.provide("plainUrl", servers[2]?.url ?? "");
  project.provide("distDir", distDir);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
