import { iframeSnippet } from "../../lib/embed/iframe-snippet.ts";
import { restoreDeferred } from "../deferred/restore-deferred.ts";

/**
 * <embed-button>: a disclosure with a ready-to-paste iframe for one embed page. The snippet is
 * built from where the reader actually is (this copy's origin and folder, whatever its host), when
 * the element starts, when it opens and before copying, and carries the replay cell's current
 * state (its data-hash). A copy opened from disk (file://) cannot be shown by another site: the
 * panel says so, and how to put the folder on a server, instead of offering a file:/// address.
 * The article's closed disclosures leave the panel out of the page (EmbedButton.astro): it comes
 * back as the reader reaches for the control (pointer, focus, or opening it), and starts then.
 */
class EmbedButton extends HTMLElement {
  #restoring = false;
  #restored = false;

  connectedCallback(): void {
    const details = this.querySelector("details");
    if (details && this.querySelector("template[data-deferred]")) {
      const restore = (): void => {
        this.#restore(details);
      };
      for (const type of ["pointerenter", "focusin"]) this.addEventListener(type, restore);
      details.addEventListener("toggle", restore);
      // Opened before this element was defined (its script comes after the first paint): now.
      if (details.open) restore();
      return;
    }
    this.start();
  }

  /**
   * Puts the panel back (once). While its script loads, the panel is busy; if it cannot load, the
   * panel says so and links the embed index, and the next reach for the control tries again.
   */
  #restore(details: HTMLDetailsElement): void {
    if (this.#restoring || this.#restored) return;
    this.#restoring = true;
    const panel = details.querySelector(".embed-panel");
    const failed = message(panel, ".embed-unloaded");
    const loading = message(panel, ".embed-loading");
    panel?.setAttribute("aria-busy", "true");
    if (failed) failed.hidden = true;
    if (loading) loading.hidden = false;
    const settled = (): void => {
      panel?.removeAttribute("aria-busy");
      if (loading) loading.hidden = true;
    };
    restoreDeferred(this, "embed").then(
      () => {
        this.#restored = true;
        settled();
        this.start();
      },
      () => {
        this.#restoring = false;
        settled();
        if (failed) failed.hidden = false;
      },
    );
  }

  /** Fills in the snippet and wires the copy button, once the panel is in the page. */
  start(): void {
    writeHostCode(this);
    const details = this.querySelector("details");
    const code = this.querySelector<HTMLTextAreaElement>(".embed-code");
    const copy = this.querySelector<HTMLButtonElement>(".embed-copy");
    const status = this.querySelector("[role=status]");
    if (!details || !code || !copy) return;
    if (location.protocol === "file:") {
      this.fromFile();
      return;
    }
    const label = copy.textContent;
    code.value = this.snippet();
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
        // Clipboard refused (permissions, an iframe): select it for Ctrl+C instead.
        code.focus();
        code.select();
      });
    });
  }

  /** From file://: the note instead of the snippet. */
  fromFile(): void {
    const web = this.querySelector<HTMLElement>(".embed-web");
    const note = this.querySelector<HTMLElement>(".embed-file-note");
    if (web) web.hidden = true;
    if (note) note.hidden = false;
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
    // From file://, folder links carry index.html (FileLinksScript); on a server the folder is enough.
    url.pathname = url.pathname.replace(/index\.html$/, "");
    const state = this.cell()?.getAttribute("data-hash") ?? "";
    url.hash = state.replace(/^#/, "");
    return iframeSnippet(url.href, this.dataset["title"] ?? "", Number(this.dataset["height"] ?? 500));
  }
}

customElements.define("embed-button", EmbedButton);

// The host script's tag (EmbedHostNote), at this copy's address: data-src is the site's root as
// the build made it relative to this page. From disk there is no address to give.
// This module may be inlined into the page, where a literal script end tag would end it and a
// literal src="…" would read as a link: the "<" is made at run time (a constant the minifier could
// fold back in would not do), and the attribute is joined from a pair, as in iframeSnippet.
function writeHostCode(root: ParentNode): void {
  if (location.protocol === "file:") return;
  const lt = String.fromCharCode(60);
  for (const code of root.querySelectorAll<HTMLElement>(".embed-host-code[data-src]")) {
    const src: [string, string] = ["src", new URL(code.dataset["src"] ?? "", location.href).href];
    code.textContent = `${lt}script ${src.join('="')}" defer>${lt}/script>`;
  }
}

// The embed index's note, outside any control.
writeHostCode(document);

/**
 * The panel's copy of one of the page's messages for a panel whose script is slow or lost (the
 * embed-messages template of ArticlePage.astro, once a page), hidden, made the first time it is
 * asked for.
 */
function message(panel: Element | null, selector: string): HTMLElement | null {
  const own = panel?.querySelector<HTMLElement>(`:scope > ${selector}`);
  if (own) return own;
  const template = document.querySelector<HTMLTemplateElement>("template#embed-messages");
  const copy = template?.content.querySelector(selector)?.cloneNode(true);
  if (!panel || !(copy instanceof HTMLElement)) return null;
  copy.hidden = true;
  panel.prepend(copy);
  return copy;
}
