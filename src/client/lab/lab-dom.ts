// Small helpers every view of the lab uses: elements without HTML strings, numbers and plurals in
// the page's language, and the scrolling table.
import type { Plural } from "../../i18n/lab-en.ts";
import type { Strings } from "../../i18n/en.ts";
import { fill } from "../../i18n/fill.ts";

/** The lab's strings in the page's language, which LabPage.astro puts in the page as JSON. */
export type LabStrings = Strings["lab"]["client"];

/** Creates an element with optional class and text; never parses HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = "",
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className !== "") e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// One formatter per language and number of decimals: toLocaleString with options builds a new
// Intl.NumberFormat on every call, which made the numbers of a large log's summary (the run
// picker's 200 options, the line notes) take over 10 ms of the task that shows it.
const formats = new Map<string, Intl.NumberFormat>();

/** A number in the page's language, with at most `digits` decimals. */
export function num(lang: string, n: number, digits = 0): string {
  const key = `${lang} ${digits}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f.format(n);
}

/** Bytes as B, KB or MB (decimal units, as file managers show them). */
export function bytes(lang: string, n: number): string {
  if (n < 1000) return `${num(lang, n)} B`;
  if (n < 1e6) return `${num(lang, n / 1000, 1)} KB`;
  return `${num(lang, n / 1e6, 1)} MB`;
}

/** Resolves in a task of its own (a timer's), so that what follows it runs after the page's other work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

const rules = new Map<string, Intl.PluralRules>();

/**
 * A count's words in the page's language: the `one` or `other` form that Intl.PluralRules picks
 * for `n`, filled with `n` (formatted) and the other values.
 */
export function plural(
  lang: string,
  n: number,
  forms: Plural,
  values: Readonly<Record<string, string | number>> = {},
): string {
  let r = rules.get(lang);
  if (r === undefined) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return fill(r.select(n) === "one" ? forms.one : forms.other, { n: num(lang, n), ...values });
}

/**
 * Makes the page language's number formats and plural rules before a log is read: the first
 * formatter of a language loads its locale data, about 10 ms that would otherwise join the task
 * that answers the reader's choice of a file.
 */
export function prepareFormats(lang: string): void {
  for (const digits of [0, 1, 3]) num(lang, 0, digits);
  plural(lang, 0, { one: "", other: "" });
}

/** A list of line numbers, runs of consecutive ones shortened: `5, 14–51`. */
export function lineList(lang: string, lines: readonly number[]): string {
  const parts: string[] = [];
  let from: number | null = null;
  let to = 0;
  const close = (): void => {
    if (from !== null) parts.push(to === from ? num(lang, from) : `${num(lang, from)}–${num(lang, to)}`);
  };
  for (const l of lines) {
    if (from !== null && l === to + 1) to = l;
    else {
      close();
      from = to = l;
    }
  }
  close();
  return parts.join(", ");
}

/** A table in a focusable, labelled scrolling box; cells are text or nodes. */
export function table(caption: string, columns: string[], rows: (string | Node)[][], className: string): HTMLElement {
  const wrap = el("div", `lab-table-scroll ${className}`);
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  const tableEl = el("table");
  const head = el("tr");
  for (const c of columns) {
    const th = el("th", "", c);
    th.scope = "col";
    head.append(th);
  }
  tableEl.append(el("thead"), el("tbody"));
  tableEl.tHead?.append(head);
  const body = tableEl.tBodies[0];
  for (const r of rows) {
    const tr = el("tr");
    for (const cell of r) {
      const td = el("td");
      td.append(cell);
      tr.append(td);
    }
    body?.append(tr);
  }
  wrap.append(tableEl);
  return wrap;
}

/** A labelled select whose options are [value, text] pairs. */
export function select(
  label: string,
  options: readonly (readonly [string, string])[],
  value: string,
  className: string,
): { wrap: HTMLElement; select: HTMLSelectElement } {
  const wrap = el("label", `lab-pick ${className}`);
  wrap.append(el("span", "lab-pick-label", label));
  const s = el("select");
  for (const [v, text] of options) {
    const o = el("option", "", text);
    o.value = v;
    s.append(o);
  }
  s.value = value;
  wrap.append(s);
  return { wrap, select: s };
}
