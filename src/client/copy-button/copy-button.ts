/**
 * <copy-button data-target="pre">: copies the text of the target inside the enclosing `.cell`
 * and says so on the button for a moment (and to screen readers, through a live region).
 */
class CopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector("button");
    if (!button) return;
    const label = button.textContent;
    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    this.append(status);
    button.addEventListener("click", () => {
      const source = this.closest(".cell")?.querySelector(this.dataset.target ?? "pre");
      const text = source?.textContent ?? "";
      void navigator.clipboard.writeText(text).then(
        () => {
          button.textContent = this.dataset.done ?? "✓";
          status.textContent = this.dataset.done ?? "";
          setTimeout(() => {
            button.textContent = label;
            status.textContent = "";
          }, 1500);
        },
        () => {
          // Clipboard refused (file://, permissions): select the text so the reader can copy it.
          if (source) getSelection()?.selectAllChildren(source);
        },
      );
    });
  }
}

customElements.define("copy-button", CopyButton);
