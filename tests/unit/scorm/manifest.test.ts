import { XMLParser } from "fast-xml-parser";
import { SyntaxValidator } from "fast-xml-validator";
import { describe, expect, it } from "vitest";
import { SCO_SCRIPT, scormManifest, scormOrganizations, withScoScript } from "../../../scripts/scorm-package.mjs";
import { EMBEDS } from "../../../src/server/embeds.ts";

// The site's files as the package lists them: the SCO pages, an asset, the script (no build needed).
const organizations = scormOrganizations();
const pages = organizations.flatMap((o) => o.scos.map((s) => s.href));
const files = [...pages, "_astro/classic.js", "favicon.svg", SCO_SCRIPT].sort();
const text = scormManifest({ version: "0.1.0", organizations, files });

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["organization", "item", "resource", "file", "dependency"].includes(name),
});
const doc = parser.parse(text) as { manifest: Node };
const manifest = doc.manifest;
const orgs = (manifest["organizations"] as Node)["organization"] as Node[];
const resources = (manifest["resources"] as Node)["resource"] as Node[];
const byId = new Map(resources.map((r) => [String(r["@identifier"]), r]));

describe("imsmanifest.xml", () => {
  it("is well-formed XML with the SCORM 1.2 namespaces and metadata", () => {
    expect(SyntaxValidator.validate(text)).toBe(true);
    expect(manifest["@xmlns"]).toBe("http://www.imsproject.org/xsd/imscp_rootv1p1p2");
    expect(manifest["@xmlns:adlcp"]).toBe("http://www.adlnet.org/xsd/adlcp_rootv1p2");
    expect(manifest["metadata"]).toEqual({ schema: "ADL SCORM", schemaversion: 1.2 });
  });

  it("has a default organization per language, each with the whole article and one item per embed", () => {
    const ids = orgs.map((o) => o["@identifier"]);
    expect(ids).toEqual(["org-zh", "org-en"]);
    expect(ids).toContain((manifest["organizations"] as Node)["@default"]);
    for (const org of orgs) {
      expect(typeof org["title"]).toBe("string");
      const items = org["item"] as Node[];
      expect(items).toHaveLength(1 + EMBEDS.length);
      expect(items.map((i) => String(i["@identifier"]).replace(/^item-(zh|en)-/, ""))).toEqual([
        "article",
        ...EMBEDS.map((e) => e.id),
      ]);
      for (const item of items) expect(String(item["title"]).length).toBeGreaterThan(0);
    }
  });

  it("makes every item a SCO that launches its own page inside the package", () => {
    const launched = orgs.flatMap((o) =>
      (o["item"] as Node[]).map((item) => {
        const res = byId.get(String(item["@identifierref"]));
        expect(res, String(item["@identifierref"])).toBeDefined();
        expect(res?.["@adlcp:scormtype"]).toBe("sco");
        expect(res?.["@type"]).toBe("webcontent");
        const href = String(res?.["@href"]);
        expect(files).toContain(href);
        expect((res?.["file"] as Node[]).map((f) => f["@href"])).toContain(href);
        expect((res?.["dependency"] as Node[]).map((d) => d["@identifierref"])).toEqual(["res-site"]);
        return href;
      }),
    );
    expect(launched).toContain("index.html");
    expect(launched).toContain("en/index.html");
    expect(launched).toContain("en/embed/heap/index.html");
    expect(new Set(launched).size).toBe(launched.length);
  });

  it("lists every file of the site in one asset resource, and no identifier twice", () => {
    const site = byId.get("res-site");
    expect(site?.["@adlcp:scormtype"]).toBe("asset");
    expect((site?.["file"] as Node[]).map((f) => f["@href"])).toEqual(files);
    const identifiers = [...text.matchAll(/identifier="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(identifiers).size).toBe(identifiers.length);
  });

  it("escapes what XML would read as markup", () => {
    const odd = scormManifest({
      version: "1",
      organizations: [{ lang: "en", title: "A & B <c>", scos: [{ id: "x", title: '"q"', href: "a&b.html" }] }],
      files: ["a&b.html"],
    });
    expect(SyntaxValidator.validate(odd)).toBe(true);
    const parsed = parser.parse(odd) as { manifest: Node };
    const org = ((parsed.manifest["organizations"] as Node)["organization"] as Node[])[0];
    expect(org?.["title"]).toBe("A & B <c>");
  });
});

describe("SCO pages", () => {
  it("load the SCORM script by a path relative to the page, at the end of the head", () => {
    const html = "<html><head><title>t</title></head><body></body></html>";
    expect(withScoScript(html, "index.html")).toContain('<script src="scorm/sco.js" defer></script>\n  </head>');
    expect(withScoScript(html, "en/embed/heap/index.html")).toContain('src="../../../scorm/sco.js"');
    expect(() => withScoScript("<p>no head</p>", "x.html")).toThrow(/x\.html/);
  });
});
