/**
 * Fills the `{name}` placeholders of a string-table template (src/i18n/en.ts, zh.ts) with values; a
 * placeholder without a value stays as it is, so a mistake shows on the page instead of vanishing.
 * The only way parameterised strings are written, at build time and in the browser alike.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
