import { fill } from "../../i18n/fill.ts";
import type { GoroutineFrame, ReplayFrame } from "../../lib/replay/frame.ts";
import { countsReadout } from "../../lib/replay/readouts.ts";
import { REPLAY_STATES, toSeconds, type ReplayGoroutine, type ReplayVariant } from "../../lib/replay/replay-data.ts";
import { textWriter, type ReplayStrings, type ReplayView } from "./view.ts";

const CHARTED = new Set(["running", "runnable", "waiting", "leaked"]);

/**
 * Goroutine lanes: main and the collectors, each a row named by its role, then the runtime's and
 * the recorder's goroutines in two groups that open on request. Each row is HTML: its bars are
 * placed in percent of the same plot area as the heap chart (CSS --x0/--x1), so a second is as wide
 * here as there at every width; short spans keep a visible minimum width. A row's label says the
 * goroutine's state now: not started yet, its state and wait reason, or when it returned.
 */
export class LanesView implements ReplayView {
  #rows: HTMLElement | null;
  #counts: (text: string) => void;
  #strings: ReplayStrings;
  #variant: ReplayVariant | null = null;
  /** Each goroutine's state words, as the one text node of its label (cheaper to write: textWriter). */
  #labels: (Text | null)[] = [];
  #open = new Set<string>();
  #end: number;
  #lastFrame: ReplayFrame | null = null;

  constructor(root: HTMLElement, strings: ReplayStrings, end: number) {
    this.#rows = root.querySelector(".lanes-rows");
    this.#counts = textWriter(root.querySelector(".lanes-counts"));
    this.#strings = strings;
    this.#end = end;
  }

  setVariant(variant: ReplayVariant): void {
    this.#variant = variant;
    // New rows with empty labels: the next frame writes every one of them, whatever the last
    // program's goroutines were doing at that moment.
    this.#lastFrame = null;
    this.#draw();
  }

  #draw(): void {
    const v = this.#variant;
    if (!v || !this.#rows) return;
    this.#labels = v.goroutines.map(() => null);
    const rows: HTMLLIElement[] = [];
    const program = v.goroutines.filter((g) => g.role === "main" || g.role === "collector");
    for (const g of program) rows.push(this.#row(v, g, false));
    for (const role of ["runtime", "recorder"] as const) {
      const members = v.goroutines.filter((g) => g.role === role);
      if (members.length === 0) continue;
      const group = document.createElement("li");
      group.className = "lane-group";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      const open = this.#open.has(role);
      button.setAttribute("aria-expanded", String(open));
      const arrow = document.createElement("span");
      arrow.setAttribute("aria-hidden", "true");
      arrow.textContent = open ? "▾ " : "▸ ";
      button.append(
        arrow,
        fill(role === "runtime" ? this.#strings.runtimeGroup : this.#strings.recorderGroup, { n: members.length }),
      );
      button.addEventListener("click", () => {
        if (this.#open.has(role)) this.#open.delete(role);
        else this.#open.add(role);
        this.#draw();
        if (this.#lastFrame) this.update(this.#lastFrame, true);
        this.#rows?.querySelector<HTMLButtonElement>(`.lane-group[data-role="${role}"] button`)?.focus();
      });
      group.dataset["role"] = role;
      group.append(button);
      rows.push(group);
      if (open) for (const g of members) rows.push(this.#row(v, g, true));
    }
    this.#rows.replaceChildren(...rows);
  }

  #row(v: ReplayVariant, g: ReplayGoroutine, inGroup: boolean): HTMLLIElement {
    // A list of goroutines to a screen reader: each row is read as its label (the bars are hidden).
    const row = document.createElement("li");
    row.className = inGroup ? "lane in-group" : "lane";
    row.dataset["g"] = String(g.id);
    row.dataset["role"] = g.role;
    const label = document.createElement("div");
    label.className = "lane-label";
    const name = document.createElement("b");
    name.textContent = this.#name(g);
    const state = document.createElement("span");
    state.className = "lane-state";
    label.append(name, " · ", state);
    const track = document.createElement("div");
    track.className = "lane-track";
    track.setAttribute("aria-hidden", "true");
    const pct = (tick: number): string => `${((toSeconds(tick) / this.#end) * 100).toFixed(3)}%`;
    for (const s of g.spans) {
      const span = document.createElement("div");
      const name = REPLAY_STATES[s.state] ?? "unknown";
      span.className = `lane-span state-${CHARTED.has(name) ? name : "other"}`;
      span.style.left = pct(s.from);
      span.style.width = pct(s.to - s.from);
      track.append(span);
    }
    if (g.exit !== null) {
      const after = document.createElement("div");
      after.className = "lane-span returned";
      after.style.left = pct(g.exit);
      after.style.right = "0";
      track.append(after);
    }
    row.append(label, track);
    const words = document.createTextNode("");
    state.append(words);
    this.#labels[v.goroutines.indexOf(g)] = words;
    return row;
  }

  #name(g: ReplayGoroutine): string {
    const s = this.#strings;
    if (g.role === "main") return `G${String(g.id)} ${s.main}`;
    if (g.role === "collector") return `G${String(g.id)} ${fill(s.collector, { n: g.n })}`;
    return `G${String(g.id)}${g.name ? ` ${g.name}` : ""}`;
  }

  #stateText(v: ReplayVariant, g: ReplayGoroutine, f: GoroutineFrame): string {
    const s = this.#strings;
    if (f.phase === "not-started") return s.notStarted;
    if (f.phase === "returned") return fill(s.returned, { t: toSeconds(g.exit ?? v.end).toFixed(2) });
    switch (f.state) {
      case "waiting":
        return fill(s.stateWaiting, { reason: f.reason });
      case "leaked":
        return fill(s.stateLeaked, { reason: f.reason });
      case "running":
        return s.stateRunning;
      case "runnable":
        return s.stateRunnable;
      default:
        return fill(s.stateOther, { state: f.state ?? "" });
    }
  }

  update(frame: ReplayFrame, force = false): void {
    const v = this.#variant;
    if (!v) return;
    const previous = force ? null : this.#lastFrame;
    this.#lastFrame = frame;
    // frameAt keeps the goroutines' frames as one object until one of them changes (frameMemo).
    if (previous?.goroutines === frame.goroutines) return;
    frame.goroutines.forEach((f, i) => {
      const label = this.#labels[i];
      const g = v.goroutines[i];
      if (!label || !g) return;
      const was = previous?.goroutines[i];
      if (was?.phase === f.phase && was.state === f.state && was.reason === f.reason) return;
      label.data = this.#stateText(v, g, f);
    });
    this.#counts(countsReadout(frame, this.#strings));
  }
}
