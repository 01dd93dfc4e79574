// ESLint flat config: type-checked TypeScript everywhere, Astro components, and a boundary rule
// that keeps browser code (src/lib, widget scripts) free of build-only modules.
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

const buildOnly = ["node:*", "fs", "path", "jsdom", "linkedom", "shiki", "esbuild", "astro:*", "playwright-core"];

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
    files: ["src/lib/**/*.ts", "src/components/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: buildOnly.map((group) => ({
            group: [group],
            message: "Browser and shared code must not import build-only modules (design.md).",
          })),
        },
      ],
    },
  },
  {
    files: ["src/lib/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "location", "HTMLElement"].map((name) => ({
          name,
          message: "src/lib is pure TypeScript: no DOM globals (design.md).",
        })),
      ],
    },
  },
);
