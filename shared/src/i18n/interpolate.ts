/** Fills a catalog template's `{{name}}` placeholders; a missing value leaves nothing. */
export function interpolate(template: string, values: Record<string, unknown> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
