/** Fills `{name}` placeholders of a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** Seconds with two decimals, the way the replay shows time. */
export function seconds(t: number): string {
  return t.toFixed(2);
}
