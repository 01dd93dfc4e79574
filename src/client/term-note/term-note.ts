/**
 * <term-note>: a glossary term whose note opens on hover, keyboard focus and tap, and closes on
 * Escape, on leaving, or on a second tap. Without this script the term is a plain link to the
 * glossary list, so nothing is lost.
 */
let counter = 0;

class TermNote extends HTMLElement {
  #link: HTMLAnchorElement | null = null;
  #tip: HTMLElement | null = null;
  #hideTimer = 0;
  // Whether the note was closed when the current press began. A tap focuses the link first, and
  // focus opens the note, so the click that ends the same tap must not toggle it shut again.
  #closedAtPress: boolean | null = null;

  connectedCallback(): void {
    this.#link = this.querySelector("a.term");
    this.#tip = this.querySelector(".term-definition");
    if (!this.#link || !this.#tip) return;
    counter += 1;
    this.#tip.id = `term-tip-${String(counter)}`;
    this.#link.setAttribute("aria-describedby", this.#tip.id);
    this.#link.setAttribute("aria-expanded", "false");

    this.addEventListener("pointerenter", (e) => {
      if (e.pointerType === "mouse") this.#show();
    });
    this.addEventListener("pointerleave", (e) => {
      if (e.pointerType === "mouse") this.#scheduleHide();
    });
    this.#link.addEventListener("focus", () => {
      this.#show();
    });
    this.#link.addEventListener("blur", () => {
      this.#scheduleHide();
    });
    this.#link.addEventListener("pointerdown", () => {
      this.#closedAtPress = this.#tip ? this.#tip.hidden !== false : null;
    });
    this.#link.addEventListener("click", (e) => {
      // A tap or a click opens the note in place instead of jumping to the glossary; a second one
      // closes it. Enter (no press) toggles the note as it is now.
      e.preventDefault();
      const closed = this.#closedAtPress ?? this.#tip?.hidden;
      this.#closedAtPress = null;
      if (closed) this.#show();
      else this.#hide();
    });
    this.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.#hide();
    });
    // The page's scripts arrive after its first paint (build/late-scripts.ts), so a reader may
    // already be pointing at or tabbed to a term when it is defined; the events that would have
    // opened its note came before anyone listened.
    if (this.matches(":hover") || document.activeElement === this.#link) this.#show();
  }

  #show(): void {
    clearTimeout(this.#hideTimer);
    if (!this.#tip || !this.#link) return;
    this.#tip.hidden = false;
    this.#link.setAttribute("aria-expanded", "true");
    // Keep the note inside the viewport on narrow screens.
    this.#tip.style.removeProperty("--shift");
    const box = this.#tip.getBoundingClientRect();
    const overflow = box.right - (document.documentElement.clientWidth - 8);
    const shift = overflow > 0 ? -overflow : box.left < 8 ? 8 - box.left : 0;
    if (shift !== 0) this.#tip.style.setProperty("--shift", `${String(Math.round(shift))}px`);
  }

  #scheduleHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = window.setTimeout(() => {
      this.#hide();
    }, 150);
  }

  #hide(): void {
    if (!this.#tip || !this.#link) return;
    this.#tip.hidden = true;
    this.#link.setAttribute("aria-expanded", "false");
  }
}

customElements.define("term-note", TermNote);
