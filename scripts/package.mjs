#!/usr/bin/env node
// `npm run package`: builds the site, then writes blocked-forever-<version>.zip at the repository
// root: the built folder as it is, under one top folder, ready for a USB stick, a school server or
// a subfolder of a site (README: "Hosting the built site"), and blocked-forever-scorm-<version>.zip,
// the same site as a SCORM 1.2 package for an LMS (scorm-package.mjs). The zips are deterministic:
// files in sorted order, one fixed timestamp, fixed compression, so the same build gives the same bytes.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { NO_SITE_URL } from "../build/site-url.ts";
import { scormEntries } from "./scorm-package.mjs";

/** DOS dates start in 1980; a fixed local-noon date avoids time zone rollover to 1979. */
const FIXED_TIME = new Date(1980, 0, 2, 12, 0, 0);

/** Already-compressed formats are stored; everything else is deflated. */
const STORED = /\.(?:png|jpe?g|gif|webp|avif|woff2?|zip|gz)$/i;

/**
 * A short note beside the site folder, for whoever unpacks the zip (a teacher, a school's IT).
 * `hasSiteUrl`: whether the build knew its public address (SITE_URL); without it the note says
 * what was left out.
 */
export function readme(top, hasSiteUrl = true) {
  const noSite = hasSiteUrl
    ? []
    : [
        `This copy was built without SITE_URL: ${NO_SITE_URL}.`,
        "To have them, build with SITE_URL=https://your.host/path/ npm run package.",
        "",
        "这份副本构建时没有设置 SITE_URL：页面里没有 hreflang 备用链接，也没有 oEmbed 发现链接和 oembed.json（两者都需要网站的公开地址）；",
        "嵌入代码由浏览器按读者打开的这份副本的地址生成。需要它们时，请用 SITE_URL=https://你的主机/路径/ npm run package 重新构建。",
        "",
      ];
  return [
    "Blocked Forever: an explorable note on goroutine leaks / 永远阻塞：一个 goroutine 泄漏的可交互笔记",
    "",
    `Open ${top}/index.html in a browser (Chinese), or ${top}/en/index.html (English).`,
    "It works straight from disk or a USB stick: nothing is fetched from the internet.",
    `To put it on a web server, copy the folder ${top}/ to any static server, also into a`,
    "subfolder such as /courses/go/leak/; there is nothing to configure.",
    "Single widgets for course pages (iframes): open embed/index.html or en/embed/index.html.",
    "For an LMS (Moodle, Canvas), import the SCORM package, blocked-forever-scorm-<version>.zip, instead.",
    "",
    `用浏览器打开 ${top}/index.html（中文）或 ${top}/en/index.html（英文）即可。`,
    "直接从硬盘或 U 盘打开也能用：不会从互联网加载任何东西。",
    `要放到网站上，把文件夹 ${top}/ 原样复制到任何静态服务器，放进子目录（例如 /courses/go/leak/）也行，`,
    "无需任何配置。课程页面可以用 iframe 嵌入单个组件：见 embed/index.html 或 en/embed/index.html。",
    "在学习平台（Moodle、Canvas）里，请导入 SCORM 包 blocked-forever-scorm-<版本>.zip。",
    "",
    ...noSite,
  ].join("\r\n"); // CRLF, so Notepad shows the lines too
}

/**
 * Zips `distDir` under the folder name `top`, with a README.txt beside it, and returns the zip's bytes.
 * @param {string} distDir
 * @param {string} top
 * @returns {Uint8Array}
 */
export function zipSite(distDir, top) {
  // oembed.json is written only by a build with SITE_URL (src/server/oembed.ts).
  const hasSiteUrl = existsSync(join(distDir, "en", "embed", "heap", "oembed.json"));
  const files = readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(distDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  /** @type {Record<string, [Uint8Array, { level: 0 | 9; mtime: Date }]>} */
  const entries = {
    "README.txt": [new TextEncoder().encode(readme(top, hasSiteUrl)), { level: 9, mtime: FIXED_TIME }],
  };
  for (const file of files) {
    entries[`${top}/${file}`] = [
      new Uint8Array(readFileSync(join(distDir, file))),
      { level: STORED.test(file) ? 0 : 9, mtime: FIXED_TIME },
    ];
  }
  return zipSync(entries);
}

/**
 * The SCORM package's bytes: the site with imsmanifest.xml at the root (scorm-package.mjs).
 * @param {string} distDir
 * @param {string} version
 * @returns {Promise<Uint8Array>}
 */
export async function zipScorm(distDir, version) {
  /** @type {Record<string, [Uint8Array, { level: 0 | 9; mtime: Date }]>} */
  const entries = {};
  const all = await scormEntries(distDir, version);
  for (const file of [...all.keys()].sort()) {
    entries[file] = [all.get(file), { level: STORED.test(file) ? 0 : 9, mtime: FIXED_TIME }];
  }
  return zipSync(entries);
}

async function main() {
  const root = resolve(fileURLToPath(import.meta.url), "../..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const dist = join(root, process.env.BF_OUT_DIR ?? "dist");
  if (!statSync(join(dist, "index.html"), { throwIfNoEntry: false })) {
    console.error(`package: ${dist}/index.html is missing; run npm run build first.`);
    process.exit(1);
  }
  const name = `blocked-forever-${version}`;
  // BF_ZIP_DIR: where to write it instead of the repository root (the browser tests use a temp folder).
  const out = join(resolve(root, process.env.BF_ZIP_DIR ?? "."), `${name}.zip`);
  const bytes = zipSite(dist, name);
  writeFileSync(out, bytes);
  console.log(`package: ${out} (${(bytes.length / 1024).toFixed(0)} KB)`);
  const scorm = join(dirname(out), `blocked-forever-scorm-${version}.zip`);
  const scormBytes = await zipScorm(dist, version);
  writeFileSync(scorm, scormBytes);
  console.log(`package: ${scorm} (SCORM 1.2, ${(scormBytes.length / 1024).toFixed(0)} KB)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
