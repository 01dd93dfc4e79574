#!/usr/bin/env node
// Serves a built folder (default dist/) as plain static files, the way any web host would.
//   node scripts/serve.mjs [DIR] [--port 4321] [--base /courses/go/leak/]
// --base mounts the site under a subfolder, to check that nothing assumes the site root.
import { createServer } from "node:http";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import compression from "compression";
import sirv from "sirv";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value ?? fallback;
};
const port = Number(option("--port", process.env.PORT ?? "4321"));
let base = option("--base", "/");
if (!base.startsWith("/")) base = `/${base}`;
if (!base.endsWith("/")) base += "/";
const dir = resolve(args[0] ?? "dist");

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`serve: ${dir} is not a folder. Build the site first: npm run build`);
  process.exit(2);
}

const files = sirv(dir, { dev: true, etag: true });
// Compress as any real host would.
const compress = compression();
const server = createServer((req, res) => {
  const url = req.url ?? "/";
  if (!url.startsWith(base)) {
    if (base !== "/" && (url === "/" || `${url}/` === base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const path = url.slice(base.length).split(/[?#]/)[0] ?? "";
  // Like most hosts, send a folder without its trailing slash to the folder, so relative links resolve.
  if (path !== "" && !path.endsWith("/") && existsSync(resolve(dir, decodeURIComponent(path), "index.html"))) {
    res.writeHead(301, { location: `${base}${path}/` }).end();
    return;
  }
  req.url = `/${url.slice(base.length)}`;
  compress(req, res, () => {
    files(req, res, () => {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    });
  });
});
server.listen(port, "127.0.0.1", () => {
  console.log(`Serving ${dir} at http://localhost:${String(port)}${base}  (Ctrl+C to stop)`);
});
