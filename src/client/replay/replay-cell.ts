import { advance, seek, toggle, type ClockState } from "../../lib/replay/clock.ts";
import { readHash, writeHash } from "../../lib/replay/hash-state.ts";
import { neighbourStep, stepTicks } from "../../lib/replay/replay-lookup.ts";
import { toSeconds, toTicks, type ReplayVariant } from "../../lib/replay/replay-data.ts";
import { CodeView } from "./code-view.ts";
import { fill } from "../../i18n/fill.ts";
import { HeapView } from "./heap-view.ts";
import { LanesView } from "./lanes-view.ts";
import { LogView } from "./log-view.ts";
import { StatusView } from "./status-view.ts";
import type { ReplayHost, ReplayView, ReplayStrings } from "./view.ts";

interface ReplayPayload {
  variants: ReplayVariant[];
  strings: ReplayStrings;
}

const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

/**
 * <replay-cell>: one clock for every widget of the cell. It reads the recordings' replay data from
 * the JSON inside it, keeps its state in the URL hash
 * (`#variant=timeout&t=2.5`) and in its data-hash attribute, and replaces the static figure with
 * the widgets. Playing redraws only what moved: clip widths, a cursor, counts and text.
 */
class ReplayCell extends HTMLElement implements ReplayHost {
  #variants: ReplayVariant[] = [];
  // The page's "{t} s" or "{t} 秒", read with the rest of the strings in #start.
  #timeFormat = "{t}";
  #variant: ReplayVariant | null = null;
  #views: ReplayView[] = [];
  #clock: ClockState = { t: 0, playing: false, speed: 1, end: 0 };
  #steps: number[] = [];
  #frame = 0;
  #timer = 0;
  #last = 0;
  #hashWritten = 0;
  #ui: {
    play: HTMLButtonElement | null;
    range: HTMLInputElement | null;
    time: HTMLOutputElement | null;
    speed: HTMLSelectElement | null;
    variants: HTMLButtonElement[];
  } = { play: null, range: null, time: null, speed: null, variants: [] };

  connectedCallback(): void {
    // This script is loaded when a cell comes near the viewport (replay-loader.ts): start at once.
    this.#start();
  }

  #start(): void {
    const json = this.querySelector("script.replay-data")?.textContent ?? "";
    let payload: ReplayPayload;
    try {
      payload = JSON.parse(json) as ReplayPayload;
    } catch {
      return; // Without data the static figure stays: still a complete page.
    }
    this.#variants = payload.variants;
    const first = this.#variants[0];
    if (!first) return;
    const end = Math.max(...this.#variants.map((v) => v.end));
    this.#clock = { ...this.#clock, end: toSeconds(end) };
    const widgets = new Set((this.dataset["widgets"] ?? "").split(" "));
    const strings = payload.strings;
    this.#timeFormat = strings.time;
    if (widgets.has("heap")) this.#views.push(new HeapView(this, strings, this));
    if (widgets.has("goroutines")) this.#views.push(new LanesView(this, strings, end));
    if (widgets.has("log")) this.#views.push(new LogView(this, strings, this, `${this.id}-status-`));
    if (widgets.has("statuses")) this.#views.push(new StatusView(this));
    if (widgets.has("code")) this.#views.push(new CodeView(this, strings));
    this.#wire();

    const state = readHash(
      location.hash,
      this.#variants.map((v) => v.key),
      this.#clock.end,
      { variant: first.key, t: 0 },
    );
    this.#setVariant(state.variant);
    this.#clock = seek(this.#clock, state.t);
    this.#render();
    // Tests and embedding pages can wait for this.
    this.dataset["ready"] = "";
    window.addEventListener("hashchange", () => {
      const next = readHash(
        location.hash,
        this.#variants.map((v) => v.key),
        this.#clock.end,
        {
          variant: this.#variant?.key ?? first.key,
          t: this.#clock.t,
        },
      );
      if (next.variant !== this.#variant?.key) this.#setVariant(next.variant);
      this.#clock = seek({ ...this.#clock, playing: false }, next.t);
      this.#render();
    });
  }

  #wire(): void {
    this.#ui = {
      play: this.querySelector(".player-play"),
      range: this.querySelector(".player-scrub input"),
      time: this.querySelector(".player-time"),
      speed: this.querySelector(".player-speed select"),
      variants: [...this.querySelectorAll<HTMLButtonElement>(".variant-button")],
    };
    this.#ui.play?.addEventListener("click", () => {
      this.#setClock(toggle(this.#clock));
    });
    this.querySelector(".player-prev")?.addEventListener("click", () => {
      this.#step(-1);
    });
    this.querySelector(".player-next")?.addEventListener("click", () => {
      this.#step(1);
    });
    this.#ui.range?.addEventListener("input", () => {
      this.#setClock(seek({ ...this.#clock, playing: false }, Number(this.#ui.range?.value ?? 0)));
    });
    this.#ui.range?.addEventListener("keydown", (e) => {
      // Arrows, Home and End move the range natively; Space plays and pauses from here too.
      if (e.key === " ") {
        e.preventDefault();
        this.#setClock(toggle(this.#clock));
      }
    });
    this.#ui.speed?.addEventListener("change", () => {
      this.#clock = { ...this.#clock, speed: Number(this.#ui.speed?.value ?? 1) };
    });
    for (const button of this.#ui.variants) {
      button.addEventListener("click", () => {
        this.#setVariant(button.dataset["variant"] ?? "");
        this.#render();
        this.#writeHash(true);
      });
    }
  }

  #setVariant(key: string): void {
    const next = this.#variants.find((v) => v.key === key);
    if (!next) return;
    const previous = this.#variant;
    this.#variant = next;
    this.#steps = stepTicks(next);
    for (const view of this.#views) view.setVariant(next, previous);
    for (const b of this.#ui.variants) b.setAttribute("aria-pressed", String(b.dataset["variant"] === key));
  }

  #step(direction: 1 | -1): void {
    const tick = neighbourStep(this.#steps, toTicks(this.#clock.t), direction, toTicks(this.#clock.end));
    this.#setClock(seek({ ...this.#clock, playing: false }, toSeconds(tick)));
  }

  /** ReplayHost: a widget asks to show a moment. */
  seek(tick: number): void {
    this.#setClock(seek({ ...this.#clock, playing: false }, toSeconds(tick)));
  }

  #setClock(next: ClockState): void {
    const wasPlaying = this.#clock.playing;
    this.#clock = next;
    this.#render();
    if (next.playing && !wasPlaying) this.#run();
    if (!next.playing) this.#writeHash(true);
  }

  /** Runs the clock: every animation frame, or in half-second jumps for readers who prefer less motion. */
  #run(): void {
    this.#last = performance.now();
    if (reducedMotion.matches) {
      this.#timer = window.setInterval(() => {
        this.#tick(performance.now());
      }, 500);
      return;
    }
    const frame = (now: number): void => {
      this.#tick(now);
      if (this.#clock.playing) this.#frame = requestAnimationFrame(frame);
    };
    this.#frame = requestAnimationFrame(frame);
  }

  #tick(now: number): void {
    const elapsed = now - this.#last;
    this.#last = now;
    this.#clock = advance(this.#clock, elapsed);
    this.#render();
    if (!this.#clock.playing) {
      cancelAnimationFrame(this.#frame);
      clearInterval(this.#timer);
      this.#writeHash(true);
    } else {
      this.#writeHash(false);
    }
  }

  #render(): void {
    const bench = this.dataset["bench"] !== undefined;
    if (bench) performance.mark("replay-frame-start");
    const tick = toTicks(this.#clock.t);
    for (const view of this.#views) view.update(tick);
    const { play, range, time } = this.#ui;
    if (range && document.activeElement !== range) range.value = this.#clock.t.toFixed(2);
    else if (range && Math.abs(Number(range.value) - this.#clock.t) > 0.005) range.value = this.#clock.t.toFixed(2);
    if (time) time.textContent = fill(this.#timeFormat, { t: this.#clock.t.toFixed(2) });
    if (play) {
      const label = this.#clock.playing ? play.dataset["pause"] : play.dataset["play"];
      if (label && play.textContent !== label) play.textContent = label;
      play.setAttribute("aria-pressed", String(this.#clock.playing));
    }
    if (bench) performance.measure("replay-frame", "replay-frame-start");
  }

  /** Keeps the state in the URL hash and data-hash (at most twice a second while playing). */
  #writeHash(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.#hashWritten < 500) return;
    this.#hashWritten = now;
    const hash = writeHash(location.hash, { variant: this.#variant?.key ?? "", t: this.#clock.t });
    this.dataset["hash"] = hash.slice(1);
    if (hash !== location.hash) history.replaceState(history.state, "", hash);
  }
}

customElements.define("replay-cell", ReplayCell);
