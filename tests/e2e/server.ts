import { createServer, type Server } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import compression from "compression";
import sirv from "sirv";

/** A static server on a free local port, serving a folder under `base`. */
export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Starts a static server like scripts/serve.mjs, on a free port, for the tests. It compresses like
 * most hosts do, so page weights and Lighthouse see what readers get; with `compress: false` it
 * sends files as they are, as Python's http.server, many school and intranet servers and a
 * teacher's laptop serving a USB stick do.
 */
export async function startServer(
  dir: string,
  base: string,
  { compress: compressing = true }: { compress?: boolean } = {},
): Promise<RunningServer> {
  const files = sirv(dir, { dev: true });
  const compress = compressing
    ? compression()
    : (_req: unknown, _res: unknown, next: () => void) => {
        next();
      };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (!url.startsWith(base)) {
      res.writeHead(404).end("outside the site");
      return;
    }
    const path = url.slice(base.length).split(/[?#]/)[0] ?? "";
    if (path !== "" && !path.endsWith("/") && existsSync(join(dir, decodeURIComponent(path), "index.html"))) {
      res.writeHead(301, { location: `${base}${path}/` }).end();
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    compress(req as never, res as never, () => {
      files(req, res, () => {
        res.writeHead(404).end("not found");
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${String(port)}${base}`,
    close: () =>
      new Promise<void>((done) =>
        server.close(() => {
          done();
        }),
      ),
  };
}
