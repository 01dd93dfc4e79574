/**
 * <theme-toggle>: switches between light and dark and remembers the choice in localStorage.
 * Until the reader chooses, the page follows the system (prefers-color-scheme). The inline
 * script in BaseLayout applies the stored choice before the first paint.
 */
class ThemeToggle extends HTMLElement {
  #media = matchMedia("(prefers-color-scheme: dark)");
  #button: HTMLButtonElement | null = null;

  connectedCallback(): void {
    this.#button = this.querySelector("button");
    if (!this.#button) return;
    this.#button.addEventListener("click", () => {
      this.#store(this.#isDark() ? "light" : "dark");
    });
    this.#media.addEventListener("change", () => {
      this.#sync();
    });
    this.#sync();
  }

  #isDark(): boolean {
    const chosen = document.documentElement.dataset.theme;
    return chosen === undefined ? this.#media.matches : chosen === "dark";
  }

  #store(theme: "light" | "dark"): void {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem("theme", theme);
    } catch {
      // Storage may be blocked (private mode, some file:// setups): the choice lasts this visit.
    }
    this.#sync();
    document.dispatchEvent(new CustomEvent("themechange", { detail: { theme } }));
  }

  #sync(): void {
    this.#button?.setAttribute("aria-pressed", String(this.#isDark()));
  }
}

customElements.define("theme-toggle", ThemeToggle);
