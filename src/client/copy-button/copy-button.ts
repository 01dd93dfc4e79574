/**
 * <copy-button data-target="pre">: copies the text of the target inside the enclosing `.cell`
 * and says so on the button for a moment (and to screen readers, through a live region). With
 * `data-lines="new"` the target is a diff's listing, and what is copied is the new file: its lines
 * but the removed ones, without their +/- signs (the page does not carry the file twice).
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
      const text = source && this.dataset.lines === "new" ? newFile(source) : (source?.textContent ?? "");
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

/**
 * The new file of a diff's listing (one child span a line, its sign the span's first child, an
 * `<i>`: highlight.ts): a file ends in a newline.
 */
function newFile(code: Element): string {
  const lines = [...code.children].filter((line) => !line.classList.contains("del"));
  const text = lines.map((line) => {
    const sign = line.querySelector(":scope > i:first-child")?.textContent ?? "";
    return line.textContent.slice(sign.length);
  });
  return `${text.join("\n")}\n`;
}

customElements.define("copy-button", CopyButton);
