import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { deferFromPage, deferGroups, deferredScript } from "../../../build/defer-markup.ts";

const page = [
  '<div class="plot">',
  '<div class="layer current"><div class="wide"><svg></svg></div></div>',
  '<div class="layer" data-defer><div class="wide"><svg></svg></div><div class="narrow"></div></div>',
  '\n<section data-defer="" hidden><div>code</div></section>',
  '<div class="cursor"></div>',
  "</div>",
].join("");

describe("deferFromPage (build/defer-markup.ts)", () => {
  it("moves each marked element, nested parts and all, out of the page and leaves a template naming it", () => {
    const { html, key, markup } = deferFromPage(page);
    expect(markup).toEqual([
      '<div class="layer"><div class="wide"><svg></svg></div><div class="narrow"></div></div>',
      "<section hidden><div>code</div></section>",
    ]);
    // Only the key and the place in its list: restoreDeferred finds deferred/<key>.js itself.
    const slots = [...html.matchAll(/<template data-deferred="(\w+) (\d)"><\/template>/g)];
    expect(slots.map((m) => m[2])).toEqual(["0", "1"]);
    expect(slots.every((m) => m[1] === key)).toBe(true);
    // Everything else stays where it was.
    expect(html.replace(/<template[^>]*><\/template>/g, "")).toBe(
      '<div class="plot"><div class="layer current"><div class="wide"><svg></svg></div></div>\n<div class="cursor"></div></div>',
    );
  });

  it("leaves a page without marked elements as it is, and names markup by its content", () => {
    expect(deferFromPage("<p>text</p>")).toEqual({ html: "<p>text</p>", key: "", markup: [] });
    const a = deferFromPage(page).html;
    const b = deferFromPage(page.replace("code", "other code")).html;
    expect(a).not.toBe(b);
    expect(deferFromPage(page).html).toBe(a);
  });

  it("gives marked elements one right after another one slot, and leaves an SVG group an empty group", () => {
    const svg =
      '<svg><g class="a"></g><g class="b" data-defer><text>b</text></g><g class="c" data-defer></g><text>x</text></svg>';
    const { html, key, markup } = deferFromPage(`${svg}<p data-defer>1</p><p data-defer>2</p>`);
    expect(markup).toEqual(['<g class="b"><text>b</text></g><g class="c"></g>', "<p>1</p><p>2</p>"]);
    // A <template> inside SVG would be an unknown SVG element; an empty <g> is drawn as nothing.
    expect(html).toBe(
      `<svg><g class="a"></g><g data-deferred="${key} 0"></g><text>x</text></svg><template data-deferred="${key} 1"></template>`,
    );
  });

  it("says where a marked element is never closed", () => {
    expect(() => deferFromPage("<div data-defer><div></div>")).toThrow(/<div data-defer> is never closed/);
  });

  it("writes the markup as a classic script that files it under its key", () => {
    const self: { __blockedForeverDeferred?: Record<string, string[]> } = {};
    runInNewContext(deferredScript("abc", ['<p class="x">&lt;</p>']), { self });
    // A second page's script (the other language) keeps the first one's markup.
    runInNewContext(deferredScript("def", ["<p>\u2028</p>"]), { self });
    expect(self.__blockedForeverDeferred).toEqual({ abc: ['<p class="x">&lt;</p>'], def: ["<p>\u2028</p>"] });
  });
});

describe("deferred markup in groups (build/defer-markup.ts)", () => {
  const grouped = '<p data-defer="wide">a</p><p data-defer>b</p><p data-defer="wide">c</p>';

  it("names the groups a page has, and moves one group at a time into its own list", () => {
    expect(deferGroups(grouped)).toEqual(["wide", ""]);
    const wide = deferFromPage(grouped, "wide");
    expect(wide.markup).toEqual(["<p>a</p>", "<p>c</p>"]);
    expect(wide.html).toMatch(/^<template[^>]*><\/template><p data-defer>b<\/p><template[^>]*><\/template>$/);
    // A named group's slots say which group they belong to, for restoreDeferred(root, group).
    expect(wide.html.match(/data-deferred-group="wide"/g)).toHaveLength(2);
    const rest = deferFromPage(wide.html);
    expect(rest.markup).toEqual(["<p>b</p>"]);
    expect(rest.html.match(/data-deferred-group/g)).toHaveLength(2);
    // Two groups, two files: each slot names its own group's key.
    const keys = new Set([...rest.html.matchAll(/data-deferred="(\w+) /g)].map((m) => m[1]));
    expect(keys.size).toBe(2);
  });
});
