/**
 * While the clock plays, what moves continuously with it (the time cursors, the heap chart's
 * revealed curve) is handed to the browser as Web Animations instead of being written on every
 * frame: each write costs tens of microseconds of script, and the browser interpolates the same
 * straight line for free. The animations run on the document timeline, whose time is the one
 * requestAnimationFrame hands the clock, from the clock's own start: at every frame they stand
 * where the clock's next write would put them (the same linear function of the same timestamp).
 * When the clock stops or jumps they are cancelled, and the views write the moment again.
 */

/** A property the browser moves with the clock while it plays. */
export interface Glide {
  target: Element;
  /** A CSS property (or a registered custom property) of the target. */
  property: string;
  /** The property's value when the clock stands at a share (0 to 1) of the recording. */
  at(share: number): string;
}

/**
 * Whether the browser can animate the cursors' `--t`: a custom property interpolates only once it
 * is registered as a number (CSS.registerProperty; Chromium 78, Safari 16.4, Firefox 128). Where it
 * cannot, nothing glides and the views write every frame, as they do when motion is reduced.
 */
export const canGlide: boolean = (() => {
  if (typeof CSS === "undefined" || typeof CSS.registerProperty !== "function") return false;
  try {
    CSS.registerProperty({ name: "--t", syntax: "<number>", inherits: true, initialValue: "0" });
  } catch {
    // Registered already (a second replay script on the page): the registration stands.
  }
  return true;
})();

/** The animations of one cell while its clock plays. */
export class Motion {
  #running: Animation[] = [];

  /** Whether the browser moves the glides now (the views then leave them alone). */
  get active(): boolean {
    return this.#running.length > 0;
  }

  /**
   * Moves each glide from `share` at document time `start` (ms, the clock's last frame) in a
   * straight line to the end of the recording, `duration` ms later.
   */
  start(glides: readonly Glide[], share: number, start: number, duration: number): void {
    this.stop();
    if (!(duration > 0)) return;
    for (const glide of glides) {
      const { target, property } = glide;
      const animation = target.animate([{ [property]: glide.at(share) }, { [property]: glide.at(1) }], {
        duration,
        easing: "linear",
        fill: "forwards",
      });
      animation.startTime = start;
      this.#running.push(animation);
    }
  }

  stop(): void {
    for (const animation of this.#running) animation.cancel();
    this.#running = [];
  }
}
