// ESLint flat config: type-checked TypeScript everywhere, Astro components, and the import
// boundaries of docs/architecture.md, by path: code that runs in the browser (src/client) and
// shared code (src/lib) never reaches build-only code, and no arrow runs back up the data flow.
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

/**
 * An import whose path has one of these folders as a segment, written relatively
 * (`../../server/traces.ts`) or from the root (`/src/server/…`). Matched on the specifier as
 * written, so it needs no resolver; a sibling file named like a folder (`./server.ts`) is not one.
 */
const folders = (...names) => ({
  regex: `(^|/)(${names.join("|")})(/|$)`,
  message: `Crosses a boundary of docs/architecture.md (${names.join(", ")}).`,
});

/** Packages and modules that exist only at build time, in Node. */
const buildOnly = {
  group: [
    "node:*",
    "fs",
    "fs/*",
    "path",
    "url",
    "crypto",
    "jsdom",
    "linkedom",
    "shiki",
    "shiki/*",
    "@shikijs/*",
  ].concat(["esbuild", "astro", "astro/*", "astro:*", "playwright-core", "vite"]),
  message: "Browser and shared code must not import build-only modules (docs/architecture.md).",
};

/** no-restricted-imports for the files of one layer. */
const boundary = (files, ...patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default defineConfig(
  { ignores: ["dist/", ".astro/", "node_modules/", "recorder/", "traces/", "coverage/", ".tmp/", "tests/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Index-signature records (meta.json, env) read as record["key"], as TypeScript suggests.
      "@typescript-eslint/dot-notation": ["error", { allowIndexSignaturePropertyAccess: true }],
      // Small files named for what they hold (docs/architecture.md): a file past 400 lines is two.
      "max-lines": ["error", { max: 400 }],
    },
  },
  ...astro.configs.recommended,
  {
    // Type-aware linting of .astro files is not supported by its parser; `astro check` covers types.
    files: ["**/*.astro"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: [".astro"], projectService: false, project: null },
    },
  },
  {
    // Tests may assert that a value exists with `!` after checking it with expect.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["src/client/**/*.ts", "src/lib/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  // What may import what (docs/architecture.md, "Folders"). Each layer lists what it must not reach.
  boundary(
    ["src/lib/**/*.ts"],
    buildOnly,
    folders("server", "build", "client", "components", "content", "i18n", "pages", "layouts", "cli"),
    { regex: String.raw`\.astro$`, message: "src/lib is imported by everything; it imports no component." },
  ),
  boundary(
    ["src/client/**/*.ts"],
    buildOnly,
    folders("server", "build", "components", "content", "pages", "layouts", "cli"),
    { regex: String.raw`\.astro$`, message: "Browser code imports no Astro component." },
  ),
  boundary(["src/i18n/**/*.ts"], buildOnly, folders("server", "build", "client", "components", "content", "pages")),
  boundary(["src/server/**/*.ts"], folders("client", "components", "content", "pages", "layouts"), {
    regex: String.raw`\.astro$`,
    message: "Build-time helpers feed components; they import none.",
  }),
  boundary(["src/cli/**/*.ts"], folders("server", "build", "client", "components", "content", "i18n", "pages")),
  {
    files: ["src/lib/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "location", "HTMLElement"].map((name) => ({
          name,
          message: "src/lib is pure TypeScript: no DOM globals (docs/architecture.md).",
        })),
      ],
    },
  },
);
