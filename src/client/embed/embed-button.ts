import { iframeSnippet } from "../../lib/embed/iframe-snippet.ts";

/**
 * <embed-button>: a disclosure with a ready-to-paste iframe for one embed page. When it opens
 * (and before copying) the snippet is rebuilt from where the reader actually is, so it works
 * wherever the site is hosted, and carries the replay cell's current state (its data-hash).
 */
class EmbedButton extends HTMLElement {
  connectedCallback(): void {
    const details = this.querySelector("details");
    const code = this.querySelector<HTMLTextAreaElement>(".embed-code");
    const copy = this.querySelector<HTMLButtonElement>(".embed-copy");
    const status = this.querySelector("[role=status]");
    if (!details || !code || !copy) return;
    const label = copy.textContent;
    details.addEventListener("toggle", () => {
      if (details.open) code.value = this.snippet();
    });
    code.addEventListener("focus", () => {
      code.select();
    });
    copy.addEventListener("click", () => {
      code.value = this.snippet();
      const done = (): void => {
        copy.textContent = copy.dataset["done"] ?? "✓";
        if (status) status.textContent = copy.dataset["done"] ?? "";
        setTimeout(() => {
          copy.textContent = label;
          if (status) status.textContent = "";
        }, 1500);
      };
      navigator.clipboard.writeText(code.value).then(done, () => {
        // Clipboard refused (file://, permissions, an iframe): select it for Ctrl+C instead.
        code.focus();
        code.select();
      });
    });
  }

  /** The replay cell whose state goes into the snippet: the named one, else the enclosing one. */
  cell(): Element | null {
    const id = this.dataset["for"];
    return (id ? document.getElementById(id) : null) ?? this.closest("replay-cell");
  }

  /** The iframe markup for the embed page, as an absolute URL of this copy of the site. */
  snippet(): string {
    const link = this.querySelector<HTMLAnchorElement>(".embed-open");
    const url = new URL(link?.href ?? location.href);
    // From file://, folder links carry index.html (BaseLayout); elsewhere the folder is enough.
    if (url.protocol !== "file:") url.pathname = url.pathname.replace(/index\.html$/, "");
    const state = this.cell()?.getAttribute("data-hash") ?? "";
    url.hash = state.replace(/^#/, "");
    return iframeSnippet(url.href, this.dataset["title"] ?? "", Number(this.dataset["height"] ?? 500));
  }
}

customElements.define("embed-button", EmbedButton);
