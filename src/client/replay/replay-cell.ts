import { fill } from "../../i18n/fill.ts";
import { frameCaption } from "../../lib/replay/captions.ts";
import { advance, seek, toggle, type ClockState } from "../../lib/replay/clock.ts";
import { frameAt, frameMemo, type ReplayFrame } from "../../lib/replay/frame.ts";
import { hasReplayState, readHash, writeHash } from "../../lib/replay/hash-state.ts";
import { toSeconds, toTicks, type ReplayVariant } from "../../lib/replay/replay-data.ts";
import { neighbourEvent } from "../../lib/replay/story.ts";
import { CodeView } from "./code-view.ts";
import { HeapView } from "./heap-view.ts";
import { LanesView } from "./lanes-view.ts";
import { LogView } from "./log-view.ts";
import { MechanismView } from "./mechanism-view.ts";
import { canGlide, Motion, type Glide } from "./motion.ts";
import { StatusView } from "./status-view.ts";
import type { ReplayHost, ReplayStrings, ReplayView } from "./view.ts";

const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

/**
 * Defines <replay-cell> with the recordings' replay data (which travels in a script of its own,
 * virtual:replay-data; replay-loader.ts loads both when a cell nears the viewport).
 */
export function defineReplayCell(variants: ReplayVariant[]): void {
  if (customElements.get("replay-cell")) return;

  /**
   * <replay-cell>: one clock for every widget of the cell. Each frame it computes the state of the
   * moment once (frameAt) and hands it to every view, so no two panels can disagree. It keeps its
   * state in the URL hash (`#variant=timeout&t=2.5`) and its data-hash attribute. Previous and
   * Next step through the recording's story events, each with a caption; the slider scrubs freely.
   */
  class ReplayCell extends HTMLElement implements ReplayHost {
    #strings: ReplayStrings | null = null;
    #variant: ReplayVariant | null = null;
    #before: ReplayVariant | null = null;
    #views: ReplayView[] = [];
    #clock: ClockState = { t: 0, playing: false, speed: 1, end: 0 };
    #raf = 0;
    #timer = 0;
    #last = 0;
    #hashWritten = 0;
    #caption: HTMLElement | null = null;
    #lastCaption = "";
    /** The clock lines and the slider's drawing that --t places; set on them alone, not on the cell (see #render). */
    #cursors: HTMLElement[] = [];
    #lastShare = "";
    /** What frameAt keeps from one frame to the next (see frameMemo): views skip what did not change. */
    #memo = frameMemo();
    #lastStep = -2;
    #lastLabel = "";
    /** The seconds of the last frame, as every view writes them. */
    #shown = "0.00";
    /** Whether the play button says Pause (it is pressed), as last written; null before the first frame. */
    #pressed: boolean | null = null;
    /** The slider's value text as last written (see #speak). */
    #spoken = "";
    /** The time output's one text node: writing its data is cheaper than replacing it (textContent). */
    #timeText: Text | null = null;
    /** The cursors and clips the browser moves while the clock plays (motion.ts). */
    #motion = new Motion();
    #ui: {
      play: HTMLButtonElement | null;
      range: HTMLInputElement | null;
      time: HTMLOutputElement | null;
      speed: HTMLSelectElement | null;
      variants: HTMLButtonElement[];
    } = { play: null, range: null, time: null, speed: null, variants: [] };

    connectedCallback(): void {
      try {
        this.#strings = JSON.parse(this.querySelector("script.replay-strings")?.textContent ?? "") as ReplayStrings;
      } catch {
        return; // Without its strings the cell cannot speak: the key frames' text stays the page's.
      }
      const first = variants[0];
      if (!first) return;
      const strings = this.#strings;
      const end = Math.max(...variants.map((v) => toSeconds(v.end)));
      this.#clock = { ...this.#clock, end };
      const widgets = new Set((this.dataset["widgets"] ?? "").split(" "));
      if (widgets.has("heap")) this.#views.push(new HeapView(this, strings, end));
      if (widgets.has("goroutines")) this.#views.push(new LanesView(this, strings, end));
      if (widgets.has("mechanism")) this.#views.push(new MechanismView(this, strings));
      if (widgets.has("statuses")) this.#views.push(new StatusView(this, strings));
      if (widgets.has("log")) this.#views.push(new LogView(this, strings, this, `${this.id}-status-`));
      if (widgets.has("code")) this.#views.push(new CodeView(this, strings));
      this.#caption = this.querySelector("[data-step-caption]");
      this.#cursors = [...this.querySelectorAll<HTMLElement>("[data-replay-cursor]")];
      this.#wire();

      const keys = variants.map((v) => v.key);
      const state = readHash(location.hash, keys, end, { variant: first.key, t: 0 });
      this.#setVariant(state.variant);
      this.#clock = seek(this.#clock, state.t);
      this.#render();
      // Tests and embedding pages can wait for this.
      this.dataset["ready"] = "";
      // A link that carries a replay state is a link to the replay: show it.
      if (hasReplayState(location.hash) && window.top === window.self) this.scrollIntoView({ block: "start" });
      window.addEventListener("hashchange", () => {
        // Only a replay state moves the replay; other fragments (#replay-status-4, a part's id)
        // are the page's, and are left as they are.
        if (!hasReplayState(location.hash)) return;
        const next = readHash(location.hash, keys, this.#clock.end, {
          variant: this.#variant?.key ?? first.key,
          t: this.#clock.t,
        });
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
      const time = this.#ui.time;
      if (time) {
        this.#timeText = document.createTextNode(time.textContent);
        time.replaceChildren(this.#timeText);
      }
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
        // Arrows, Home and End move the range natively (fine scrubbing), from the time shown; Space
        // plays and pauses.
        if (this.#clock.playing && this.#ui.range) this.#ui.range.value = this.#shown;
        if (e.key === " ") {
          e.preventDefault();
          this.#setClock(toggle(this.#clock));
        }
      });
      this.#ui.speed?.addEventListener("change", () => {
        this.#clock = { ...this.#clock, speed: Number(this.#ui.speed?.value ?? 1) };
        this.#glide();
      });
      // A reader who asks for less motion while it plays gets the half-second jumps from then on
      // (and the smooth motion back when they ask for it again).
      reducedMotion.addEventListener("change", () => {
        if (!this.#clock.playing) return;
        this.#halt();
        this.#run();
      });
      for (const button of this.#ui.variants) {
        button.addEventListener("click", () => {
          this.#setVariant(button.dataset["variant"] ?? "");
          // Another program's drawings glide from here (the clock goes on playing).
          this.#glide();
          this.#render();
          this.#writeHash(true);
        });
      }
    }

    #setVariant(key: string): void {
      const next = variants.find((v) => v.key === key);
      if (!next || next === this.#variant) return;
      // Under a fix, the leak is the baseline; coming from another fix, that one stays, in grey,
      // as "shown before".
      const previous = this.#variant;
      this.#before = previous !== null && previous.fix !== "none" && next.fix !== "none" ? previous : null;
      this.#variant = next;
      const baseline = next.fix === "none" ? null : (variants.find((v) => v.fix === "none") ?? null);
      for (const view of this.#views) view.setVariant(next, baseline, this.#before);
      for (const b of this.#ui.variants) b.setAttribute("aria-pressed", String(b.dataset["variant"] === key));
      this.dataset["print"] = next.key;
      this.#lastCaption = "";
      this.#lastStep = -2;
    }

    #step(direction: 1 | -1): void {
      const v = this.#variant;
      if (!v) return;
      const tick = neighbourEvent(v.story, toTicks(this.#clock.t), direction, toTicks(this.#clock.end));
      this.#setClock(seek({ ...this.#clock, playing: false }, toSeconds(tick)));
    }

    /** ReplayHost: a widget asks to show a moment. */
    seek(tick: number): void {
      this.#setClock(seek({ ...this.#clock, playing: false }, toSeconds(tick)));
    }

    #setClock(next: ClockState): void {
      const wasPlaying = this.#clock.playing;
      this.#clock = next;
      if (next.playing && !wasPlaying) this.#run();
      else this.#glide();
      this.#render();
      if (!next.playing) this.#writeHash(true);
      if (!next.playing && wasPlaying) {
        // The frame or the half-second jump already asked for must not run on a stopped clock: it
        // would announce a second time, over the first.
        this.#halt();
        this.#announce();
      }
    }

    #halt(): void {
      cancelAnimationFrame(this.#raf);
      clearInterval(this.#timer);
    }

    /** Runs the clock: every animation frame, or in half-second jumps for readers who prefer less motion. */
    #run(): void {
      this.#last = performance.now();
      if (this.#caption) this.#caption.setAttribute("aria-live", "off");
      this.#glide();
      if (reducedMotion.matches) {
        this.#timer = window.setInterval(() => {
          this.#tick(performance.now());
        }, 500);
        return;
      }
      const frame = (now: number): void => {
        this.#tick(now);
        if (this.#clock.playing) this.#raf = requestAnimationFrame(frame);
      };
      this.#raf = requestAnimationFrame(frame);
    }

    #tick(now: number): void {
      if (!this.#clock.playing) return;
      const elapsed = now - this.#last;
      this.#last = now;
      this.#clock = advance(this.#clock, elapsed);
      // At the end the clock stops: the views write the last moment themselves.
      if (!this.#clock.playing) this.#glide();
      this.#render();
      if (!this.#clock.playing) {
        this.#halt();
        this.#writeHash(true);
        this.#announce();
      } else {
        this.#writeHash(false);
      }
    }

    /**
     * While playing the caption changes silently; when the clock stops, it is spoken once. Stepping
     * and seeking, which do not play, change a polite live region and are spoken as they happen.
     */
    #announce(): void {
      const caption = this.#caption;
      if (!caption) return;
      caption.setAttribute("aria-live", "polite");
      caption.textContent = "";
      // The caption of the moment then, whatever was written in between (the caption is the frame's).
      window.setTimeout(() => {
        caption.textContent = this.#lastCaption;
      }, 60);
    }

    /**
     * Hands the continuous motion to the browser while the clock plays smoothly, from the clock's
     * last frame (#last, on the timeline requestAnimationFrame's timestamps are on), or takes it
     * back when it stops; called again when what moves or how fast changes (speed, program).
     */
    #glide(): void {
      this.#motion.stop();
      const on = canGlide && this.#clock.playing && !reducedMotion.matches;
      const glides: Glide[] = this.#views.flatMap((view) => view.glide?.(on) ?? []);
      if (!on) return;
      for (const target of this.#cursors) glides.push({ target, property: "--t", at: (share) => share.toFixed(5) });
      const { t, end, speed } = this.#clock;
      this.#motion.start(glides, t / end, this.#last, ((end - t) / speed) * 1000);
    }

    #render(): void {
      const v = this.#variant;
      if (!v || !this.#strings) return;
      // Timed for scripts/bench-replay.mjs by two clock readings: a performance.mark costs tens of
      // microseconds itself, too much inside a frame that costs about a hundred.
      const bench = this.dataset["bench"] !== undefined;
      const start = bench ? performance.now() : 0;
      const frame: ReplayFrame = frameAt(v, toTicks(this.#clock.t), this.#memo);
      for (const view of this.#views) view.update(frame);
      // On the cursors only: a custom property set on the cell is inherited by every element in
      // it, and the browser would recompute the style of the whole replay on every frame.
      const share = (this.#clock.t / this.#clock.end).toFixed(5);
      // While the browser moves the cursors, their --t stays what was last written (see motion.ts).
      if (!this.#motion.active && share !== this.#lastShare) {
        this.#lastShare = share;
        for (const cursor of this.#cursors) cursor.style.setProperty("--t", share);
      }
      // The caption is its story event's: written when the event changes.
      if (this.#caption && frame.step !== this.#lastStep) {
        this.#lastStep = frame.step;
        const caption = frameCaption(v, frame, this.#strings.captions);
        if (caption !== this.#lastCaption) {
          this.#lastCaption = caption;
          this.#caption.textContent = caption;
        }
      }
      const { play, range } = this.#ui;
      // The seconds as every view writes them: from the frame's tick.
      const shown = toSeconds(frame.tick).toFixed(2);
      this.#shown = shown;
      // While the clock plays the slider's value waits (#speak); its thumb and track follow --t.
      if (range && !this.#clock.playing) this.#follow(range);
      const label = fill(this.#strings.time, { t: shown });
      if (label !== this.#lastLabel) {
        this.#lastLabel = label;
        if (this.#timeText) this.#timeText.data = label;
      }
      if (!this.#clock.playing) this.#speak();
      if (play && this.#clock.playing !== this.#pressed) {
        this.#pressed = this.#clock.playing;
        const text = this.#pressed ? play.dataset["pause"] : play.dataset["play"];
        if (text) play.textContent = text;
        play.setAttribute("aria-pressed", String(this.#pressed));
      }
      if (bench) performance.measure("replay-frame", { start, end: performance.now() });
    }

    /**
     * The slider's value, the seconds shown, unless the reader is dragging it (focused, at the
     * clock's time). A range input's value costs more to write than the rest of a frame, so while
     * the clock plays it is written with its value text (#speak) and before a key moves it.
     */
    #follow(range: HTMLInputElement): void {
      const dragging = document.activeElement === range && Math.abs(Number(range.value) - this.#clock.t) <= 0.005;
      if (!dragging && range.value !== this.#shown) range.value = this.#shown;
    }

    /**
     * The slider's value and value text, the time label's words: a screen reader reads out every change of a
     * focused slider's value, so while the clock plays it changes with the hash, at most twice a
     * second, and at once when the clock stops (#render).
     */
    #speak(): void {
      if (this.#ui.range) this.#follow(this.#ui.range);
      if (this.#spoken === this.#lastLabel) return;
      this.#spoken = this.#lastLabel;
      this.#ui.range?.setAttribute("aria-valuetext", this.#spoken);
    }

    /**
     * Keeps the state in the URL hash and data-hash, and the slider's value text with them (#speak):
     * at most twice a second while playing.
     */
    #writeHash(force: boolean): void {
      const now = performance.now();
      if (!force && now - this.#hashWritten < 500) return;
      this.#hashWritten = now;
      this.#speak();
      const hash = writeHash(location.hash, { variant: this.#variant?.key ?? "", t: this.#clock.t });
      this.dataset["hash"] = hash.slice(1);
      if (hash !== location.hash) history.replaceState(history.state, "", hash);
    }
  }

  customElements.define("replay-cell", ReplayCell);
}
