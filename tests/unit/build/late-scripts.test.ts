import { describe, expect, it } from "vitest";
import { lateScripts } from "../../../build/late-scripts.ts";

describe("lateScripts (build/late-scripts.ts)", () => {
  it("replaces the deferred scripts with one loader at the end of <body> that adds them in order", () => {
    const page =
      '<body><header><script defer src="../h.js"></script></header><p>x</p><script defer src="../a.js"></script>' +
      '<script type="application/json">{}</script><script defer src="../b.js"></script><script>inline()</script></body>';
    const out = lateScripts(page, (src) => `/* ${src} */ `);
    expect(out).not.toContain("<script defer");
    // The header's scripts are written into the page, where they stand.
    expect(out).toContain("<header><script>/* ../h.js */</script></header>");
    expect(out).toContain('<p>x</p><script type="application/json">{}</script><script>inline()</script>');
    expect(out).toMatch(/<script>\(\(\)=>\{.*\["\.\.\/a\.js","\.\.\/b\.js"\].*s\.async=false.*<\/script>\n<\/body>$/);
  });

  it("leaves a page without deferred scripts as it is", () => {
    const page = "<body><script>inline()</script></body>";
    expect(lateScripts(page, () => "")).toBe(page);
  });
});
