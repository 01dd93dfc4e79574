/** Escapes a value for a double-quoted HTML attribute. */
function attr(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The ready-to-paste iframe for an embed: full width, a fixed starting height, lazy loading.
 * Built as text (it is shown and copied, never parsed into this page).
 */
export function iframeSnippet(src: string, title: string, height: number): string {
  const attributes: [string, string][] = [
    ["src", src],
    ["title", title],
    ["width", "100%"],
    ["height", String(height)],
    ["loading", "lazy"],
    ["style", "border:0"],
  ];
  // Joined from pairs: a literal src="…" in the page's inline script would read as a link.
  return `<iframe ${attributes.map(([name, value]) => `${name}="${attr(value)}"`).join(" ")}></iframe>`;
}
