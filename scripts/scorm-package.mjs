// The SCORM 1.2 package that `npm run package` writes beside the site's zip: the built site with
// imsmanifest.xml at its root, for Moodle, Canvas and any other LMS to import as an activity. Each
// SCO is one of the site's own pages (the article, each embed of EMBEDS), in both languages: one
// organization per language, the site's default (Chinese) first. The SCO pages, and only they,
// get one more script, scorm/sco.js (src/client/scorm/, bundled here as a classic script like
// every script of the site), which talks to the LMS; the site's own pages never load it.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { classicScript } from "../build/classic-script.ts";
import { EMBEDS } from "../src/server/embeds.ts";
import { STRINGS, pagePath } from "../src/i18n/lang.ts";

/** Where the SCO script sits in the package. */
export const SCO_SCRIPT = "scorm/sco.js";

/** Escapes text for XML content and double-quoted attributes. */
function xml(text) {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * The package's SCOs by language: the whole article first, then one per entry of EMBEDS, each
 * with its page inside the package (a file, as an LMS launches it) and its title.
 * @returns {{ lang: "zh" | "en", title: string, scos: { id: string, title: string, href: string }[] }[]}
 */
export function scormOrganizations() {
  return /** @type {const} */ (["zh", "en"]).map((lang) => {
    const strings = STRINGS[lang];
    const file = (page) => `${pagePath(lang, page).slice(1)}index.html`;
    return {
      lang,
      title: strings.chrome.siteName,
      scos: [
        { id: `${lang}-article`, title: strings.article.title, href: file("") },
        ...EMBEDS.map((e) => ({
          id: `${lang}-${e.id}`,
          title: strings.embed.titles[e.id],
          href: file(`embed/${e.id}/`),
        })),
      ],
    };
  });
}

/**
 * imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's adlcp extension): one
 * organization per language with an item per SCO, a `sco` resource per item whose href is its
 * page, and one `asset` resource that lists every file of the site, on which each SCO depends.
 * @param {{ version: string, organizations: ReturnType<typeof scormOrganizations>, files: string[] }} input
 * @returns {string}
 */
export function scormManifest({ version, organizations, files }) {
  const items = (org) =>
    org.scos
      .map(
        (s) =>
          `      <item identifier="item-${s.id}" identifierref="res-${s.id}">\n        <title>${xml(s.title)}</title>\n      </item>`,
      )
      .join("\n");
  const orgs = organizations
    .map(
      (org) =>
        `    <organization identifier="org-${org.lang}">\n      <title>${xml(org.title)}</title>\n${items(org)}\n    </organization>`,
    )
    .join("\n");
  const scos = organizations
    .flatMap((org) => org.scos)
    .map(
      (s) =>
        `    <resource identifier="res-${s.id}" type="webcontent" adlcp:scormtype="sco" href="${xml(s.href)}">\n` +
        `      <file href="${xml(s.href)}"/>\n      <dependency identifierref="res-site"/>\n    </resource>`,
    )
    .join("\n");
  const site = files.map((f) => `      <file href="${xml(f)}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="blocked-forever-${xml(version)}" version="${xml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${organizations[0]?.lang ?? "zh"}">
${orgs}
  </organizations>
  <resources>
${scos}
    <resource identifier="res-site" type="webcontent" adlcp:scormtype="asset">
${site}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * A SCO page with the SCO script added at the end of its <head>, by a path relative to the page
 * (the package works from any folder an LMS unpacks it to). It is a file of the site's own
 * folder, so the page's Content-Security-Policy ('self') allows it as it is.
 * @param {string} html
 * @param {string} href the page's path inside the package, e.g. "en/embed/heap/index.html"
 */
export function withScoScript(html, href) {
  const up = "../".repeat(href.split("/").length - 1);
  const tag = `<script src="${up}${SCO_SCRIPT}" defer></script>`;
  if (!html.includes("</head>")) throw new Error(`${href}: no </head> to put the SCORM script before`);
  return html.replace("</head>", `${tag}\n  </head>`);
}

/** The SCO script, bundled as a classic script. */
export function scoScript() {
  return classicScript({ entryPoints: [new URL("../src/client/scorm/sco.ts", import.meta.url).pathname] });
}

/**
 * Every entry of the SCORM package, by path: the site's files (SCO pages with the script added),
 * the script and imsmanifest.xml at the root.
 * @param {string} distDir
 * @param {string} version
 * @returns {Promise<Map<string, Uint8Array>>}
 */
export async function scormEntries(distDir, version) {
  const files = readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(distDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  const organizations = scormOrganizations();
  const scoPages = new Set(organizations.flatMap((o) => o.scos.map((s) => s.href)));
  const encode = (text) => new TextEncoder().encode(text);
  const entries = new Map();
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    entries.set(file, scoPages.has(file) ? encode(withScoScript(bytes.toString("utf8"), file)) : new Uint8Array(bytes));
  }
  for (const page of scoPages) {
    if (!entries.has(page)) throw new Error(`scorm: ${page} is not in ${distDir}`);
  }
  entries.set(SCO_SCRIPT, encode(await scoScript()));
  const listed = [...entries.keys()].sort();
  entries.set("imsmanifest.xml", encode(scormManifest({ version, organizations, files: listed })));
  return entries;
}
