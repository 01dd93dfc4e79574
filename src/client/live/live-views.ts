import { countStates } from "../../lib/live/goroutine-dump.ts";
import type { LineKind, LiveDump, OutputStream } from "../../lib/live/live-output.ts";
import type { LeakProfile } from "../../lib/recording/parse-leak-profile.ts";
import type { Strings } from "../../i18n/en.ts";
import { fill } from "../../i18n/fill.ts";

/** The live widget's strings for the browser (`live.client` of the page's table). */
export type LiveStrings = Strings["live"]["client"];

/** The most lines the log keeps; a run prints a few hundred, so this only guards the page. */
const MAX_LOG_LINES = 5000;

/**
 * The runtime's output as it arrives, one element per line, in the element marked data-live-log.
 * Follows the newest line unless the reader has scrolled up to read.
 */
export class LogView {
  readonly #log: HTMLElement;
  readonly #strings: LiveStrings;
  #count = 0;

  constructor(log: HTMLElement, strings: LiveStrings) {
    this.#log = log;
    this.#strings = strings;
  }

  clear(): void {
    this.#log.replaceChildren();
    this.#count = 0;
  }

  add(stream: OutputStream, lines: readonly { text: string; kind: LineKind }[]): void {
    const log = this.#log;
    const follow = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    const frag = document.createDocumentFragment();
    for (const { text, kind } of lines) {
      this.#count += 1;
      if (this.#count > MAX_LOG_LINES) {
        if (this.#count === MAX_LOG_LINES + 1)
          frag.append(this.#line(fill(this.#strings.logCut, { n: MAX_LOG_LINES }), "note"));
        continue;
      }
      frag.append(this.#line(text, `${stream} ${kind}`));
    }
    log.append(frag);
    if (follow) log.scrollTop = log.scrollHeight;
  }

  #line(text: string, classes: string): HTMLElement {
    const span = document.createElement("span");
    span.className = `live-line ${classes}`;
    span.textContent = `${text}\n`;
    return span;
  }
}

/** The goroutine states of each dump, a row per dump, and the leak profile's total. */
export class StatesView {
  readonly #body: HTMLElement | null;
  readonly #profile: HTMLElement | null;
  readonly #strings: LiveStrings;
  /** The page's "no dump yet" row, shown until a run prints one. */
  readonly #empty: Element | null;

  constructor(root: HTMLElement, strings: LiveStrings) {
    this.#body = root.querySelector(".live-states tbody");
    this.#profile = root.querySelector(".live-profile");
    this.#strings = strings;
    this.#empty = root.querySelector(".live-states-empty");
  }

  clear(): void {
    this.#body?.replaceChildren(...(this.#empty ? [this.#empty] : []));
    if (this.#profile) this.#profile.textContent = this.#strings.profileNone;
  }

  /** Writes the rows of the dumps from `from` on (earlier rows are complete and stay). */
  show(dumps: readonly LiveDump[], from: number): void {
    const body = this.#body;
    if (!body) return;
    const s = this.#strings;
    this.#empty?.remove();
    while (body.children.length > from) body.lastElementChild?.remove();
    for (const dump of dumps.slice(from)) {
      const row = document.createElement("tr");
      const when = document.createElement("th");
      when.scope = "row";
      when.textContent = dump.moment.kind === "forced-gc" ? fill(s.dumpAfterGc, dump.moment) : s.dumpAfterCheck;
      const mine = dump.goroutines.filter((g) => g.program);
      const cells = [String(mine.length), String(dump.goroutines.length - mine.length)].map((text) => {
        const td = document.createElement("td");
        td.textContent = text;
        return td;
      });
      // One span per state, so that only the leaked goroutines' count takes the leaked colour.
      const states = document.createElement("td");
      countStates(mine).forEach((c, i) => {
        if (i > 0) states.append(s.separator);
        const span = document.createElement("span");
        span.textContent = fill(s.stateCount, {
          state: c.leaked ? fill(s.leaked, { state: c.state }) : c.state,
          count: c.count,
        });
        if (c.leaked) span.className = "leaked";
        states.append(span);
      });
      row.append(when, ...cells, states);
      body.append(row);
    }
  }

  showProfile(profile: LeakProfile): void {
    if (!this.#profile) return;
    const s = this.#strings;
    const words = profile.total === 0 ? s.profileZero : fill(s.profileWords, { n: profile.total });
    this.#profile.textContent = fill(s.profileTotal, { n: profile.total, words });
  }
}
