// Build-time only: shiki's GitHub themes with every colour nudged until it reads at WCAG AA
// (4.5:1) on our code backgrounds, including the tinted diff and "blocks here" lines. The stock
// themes fail axe's colour-contrast rule there (docs/architecture.md, "Accessibility").
import githubDark from "@shikijs/themes/github-dark";
import githubLight from "@shikijs/themes/github-light";
import type { ThemeRegistrationRaw } from "shiki";

type Rgb = [number, number, number];

const hex = (c: string): Rgb => {
  const m = /^#([0-9a-f]{6})/i.exec(c);
  const v = m?.[1] ?? "000000";
  return [0, 2, 4].map((i) => parseInt(v.slice(i, i + 2), 16)) as Rgb;
};
const toHex = (c: Rgb): string => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => (a[i] ?? 0) * (1 - t) + (b[i] ?? 0) * t) as Rgb;
const luminance = (c: Rgb): number => {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(hex(a)), luminance(hex(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The code background and the line tints of cells.css (color-mix of --leak, --fix, --goal).
const LIGHT_BG = "#f6f5f1";
const DARK_BG = "#1b1e22";
const tints = (bg: string, leak: string, fix: string, goal: string): string[] => [
  bg,
  toHex(mix(hex(bg), hex(leak), 0.12)),
  toHex(mix(hex(bg), hex(fix), 0.14)),
  toHex(mix(hex(bg), hex(goal), 0.22)),
];
const LIGHT_BACKGROUNDS = tints(LIGHT_BG, "#b4232a", "#1f7a4d", "#7a6a1f");
const DARK_BACKGROUNDS = tints(DARK_BG, "#f07178", "#6cc497", "#d6c36a");

/** Moves a colour toward black (light theme) or white (dark theme) until it passes 4.6:1 everywhere. */
export function readable(color: string, backgrounds: readonly string[], towards: "black" | "white"): string {
  const target: Rgb = towards === "black" ? [0, 0, 0] : [255, 255, 255];
  let c = color.slice(0, 7);
  for (let step = 0; step < 40 && backgrounds.some((bg) => contrast(c, bg) < 4.6); step++) {
    c = toHex(mix(hex(c), target, 0.05));
  }
  return c;
}

function adjust(
  theme: ThemeRegistrationRaw,
  name: string,
  backgrounds: readonly string[],
  towards: "black" | "white",
): ThemeRegistrationRaw {
  const fix = (c: unknown): unknown =>
    typeof c === "string" && /^#[0-9a-f]{6}/i.test(c) ? readable(c, backgrounds, towards) : c;
  // Only a theme that has `settings` gets them back: shiki reads `settings` instead of
  // `tokenColors` whenever it is there, so an empty list would drop every token colour.
  const settings = theme.settings as ThemeRegistrationRaw["settings"] | undefined;
  return {
    ...theme,
    name,
    ...(settings
      ? {
          settings: settings.map((s) => ({
            ...s,
            settings: { ...s.settings, foreground: fix(s.settings.foreground) as string },
          })),
        }
      : {}),
    tokenColors: (theme.tokenColors ?? []).map((s) => ({
      ...s,
      settings: { ...s.settings, foreground: fix(s.settings.foreground) as string },
    })),
    colors: { ...theme.colors, "editor.foreground": fix(theme.colors?.["editor.foreground"]) as string },
  };
}

/** The light code theme: GitHub Light, made readable on our backgrounds. */
export const CODE_LIGHT = adjust(githubLight as ThemeRegistrationRaw, "bf-light", LIGHT_BACKGROUNDS, "black");
/** The dark code theme: GitHub Dark, made readable on our backgrounds. */
export const CODE_DARK = adjust(githubDark as ThemeRegistrationRaw, "bf-dark", DARK_BACKGROUNDS, "white");

/** A colour pair of the two code themes, as cells.css writes it: "light;dark", lower case. */
export type ColourPair = `${string};${string}`;

const pairOf = (light: unknown, dark: unknown): ColourPair | undefined =>
  typeof light === "string" && typeof dark === "string" ? `${light.toLowerCase()};${dark.toLowerCase()}` : undefined;

/** The code themes' own text colour pair (a listing's colour where no token rule applies). */
export const CODE_BASE = pairOf(CODE_LIGHT.colors?.["editor.foreground"], CODE_DARK.colors?.["editor.foreground"]);

/**
 * The colour pairs a token can have, in the themes' order, the text colour left out. GitHub Light
 * and Dark are made from one source: the same rules for the same scopes in the same order, so a
 * token matches the same rule in both and its pair is one of these. One palette for every listing
 * of every page lets cells.css colour the tokens (`<t-0>` …) instead of each `<pre>` naming its
 * pairs; a pair outside it (a rule only one theme has) keeps shiki's own variables on its token.
 */
export const CODE_PALETTE: readonly ColourPair[] = [
  ...new Set(
    (CODE_LIGHT.tokenColors ?? []).flatMap((rule, i) => {
      const dark = CODE_DARK.tokenColors?.[i];
      if (JSON.stringify(dark?.scope) !== JSON.stringify(rule.scope)) return [];
      const pair = pairOf(rule.settings.foreground, dark?.settings.foreground);
      return pair === undefined || pair === CODE_BASE ? [] : [pair];
    }),
  ),
];
