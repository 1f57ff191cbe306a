export type Catalog = Record<string, unknown>;

/** One catalogue per area so each module owns its strings; merged one level deep (errors, ui …). */
export function mergeCatalogs(...parts: Catalog[]): Catalog {
  const merged: Catalog = {};
  for (const part of parts) {
    for (const [section, entries] of Object.entries(part)) {
      merged[section] = { ...((merged[section] as Catalog | undefined) ?? {}), ...(entries as Catalog) };
    }
  }
  return merged;
}
