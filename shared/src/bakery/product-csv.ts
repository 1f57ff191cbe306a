import { type Cents, toCents } from '../money.ts';
import { CATEGORIES, type Category, MAX_PRODUCT_PRICE } from './sale-math.ts';

export interface ProductCsvRow {
  line: number;
  code: string;
  name: string;
  priceCents: Cents;
  category: Category;
  active: boolean;
}

export interface ProductCsvProblem {
  line: number;
  field: 'code' | 'name' | 'price' | 'category' | 'active' | 'columns';
  value: string;
}

export type ProductCsvResult =
  | { ok: true; rows: ProductCsvRow[] }
  | { ok: false; problem: ProductCsvProblem };

function splitRow(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(current.trim());
      current = '';
    } else current += char;
  }
  fields.push(current.trim());
  return fields;
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

function parsePrice(text: string): Cents | null {
  let cleaned = text.replace(/[\s$]/g, '');
  if (cleaned.includes(',') && !cleaned.includes('.')) cleaned = cleaned.replace(',', '.');
  const cents = toCents(cleaned);
  return cents !== null && cents >= 0 && cents <= MAX_PRODUCT_PRICE * 100 ? cents : null;
}

const ACTIVE_WORDS: Record<string, boolean> = {
  '1': true,
  si: true,
  yes: true,
  true: true,
  activo: true,
  '0': false,
  no: false,
  false: false,
  inactivo: false,
};

/**
 * A product list as exported from a spreadsheet: `code,name,price,category[,active]` (or `;`),
 * an optional header row. The first problem is reported with its line so the file can be fixed.
 */
export function parseProductCsv(text: string): ProductCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const delimiter = (lines[0] ?? '').includes(';') ? ';' : ',';
  const rows: ProductCsvRow[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const fields = splitRow(raw, delimiter);
    if (index === 0 && /^(code|codigo|código)$/i.test(fields[0] ?? '')) continue;
    if (fields.length < 4 || fields.length > 5)
      return { ok: false, problem: { line, field: 'columns', value: raw.slice(0, 80) } };
    const [code, name, priceText, categoryText, activeText = '1'] = fields;
    if (!/^[A-Za-z0-9._-]{1,40}$/.test(code))
      return { ok: false, problem: { line, field: 'code', value: code } };
    if (name.length === 0 || name.length > 120)
      return { ok: false, problem: { line, field: 'name', value: name } };
    const priceCents = parsePrice(priceText);
    if (priceCents === null) return { ok: false, problem: { line, field: 'price', value: priceText } };
    const category = plain(categoryText) as Category;
    if (!CATEGORIES.includes(category))
      return { ok: false, problem: { line, field: 'category', value: categoryText } };
    const active = ACTIVE_WORDS[plain(activeText)];
    if (active === undefined) return { ok: false, problem: { line, field: 'active', value: activeText } };
    rows.push({ line, code: code.toUpperCase(), name, priceCents, category, active });
  }
  return { ok: true, rows };
}
