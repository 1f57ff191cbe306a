import { catalogs, type Language, translate } from './translate.ts';

/**
 * A name in the `fields` section of the catalogues: its label, and for a collection also how one
 * of its items is said alone (`item`) and after another phrase (`of`), each with {{n}}.
 */
type FieldEntry = string | { label: string; item: string; of: string };

/** Where a request carries the field: programs need it, the person typing does not. */
const LOCATIONS = new Set(['body', 'query', 'querystring', 'params', 'headers']);
const isPosition = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

function entryOf(language: Language, name: string): FieldEntry | undefined {
  for (const catalog of [catalogs[language], catalogs.es]) {
    const fields = catalog.fields as Record<string, FieldEntry> | undefined;
    // Paths carry names a client sent (keys of a record), so only the catalogue's own keys count.
    if (fields && Object.hasOwn(fields, name)) return fields[name];
  }
  return undefined;
}

function labelOf(language: Language, name: string): string {
  const entry = entryOf(language, name);
  const label =
    entry === undefined ? name.replaceAll('_', ' ') : typeof entry === 'string' ? entry : entry.label;
  return translate(language, 'fields.$label', { label });
}

/** Item `n` (1-based) of the collection `name`: alone ("la línea 2") or after a phrase ("de la línea 2"). */
function itemOf(language: Language, name: string | null, n: number, form: 'item' | 'of'): string {
  if (name !== null && typeof entryOf(language, name) === 'object') {
    return translate(language, `fields.${name}.${form}`, { n });
  }
  const label = name === null ? translate(language, 'fields.$request') : labelOf(language, name);
  return translate(language, `fields.$${form}`, { n, label });
}

/**
 * A field path as a person says it: `body.lines.1.quantity` → «cantidad» de la línea 2,
 * `slots.0` → el horario 1, `headers.idempotency-key` → «clave de idempotencia».
 */
export function fieldPlace(language: Language, path: string): string {
  const segments = path.split('.').filter((segment) => segment !== '');
  if (LOCATIONS.has(segments[0])) segments.shift();
  if (segments.length === 0) return translate(language, 'fields.$request');

  const positions: { name: string | null; n: number }[] = [];
  segments.forEach((segment, index) => {
    if (!isPosition(segment)) return;
    const previous = segments[index - 1];
    positions.push({
      name: previous === undefined || isPosition(previous) ? null : previous,
      n: Number(segment) + 1,
    });
  });

  const last = segments[segments.length - 1];
  const innermost = isPosition(last) ? positions.pop() : undefined;
  const head = innermost ? itemOf(language, innermost.name, innermost.n, 'item') : labelOf(language, last);
  const within = positions.reverse().map((position) => itemOf(language, position.name, position.n, 'of'));
  return [head, ...within].join(' ');
}
