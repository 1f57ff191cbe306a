import { z } from 'zod';
import { CATEGORIES, DOCUMENT_KINDS, MAX_LINE_QUANTITY, MAX_PRODUCT_PRICE } from '../bakery/sale-math.ts';
import { toCents } from '../money.ts';
import { Id, IsoDate } from './common.ts';

const twoDecimals = (value: number) => toCents(value) !== null;

/** A major-unit amount with at most two decimals (COP has no cents in practice, the API keeps them). */
export const MoneyAmount = z.number().min(0).max(100_000_000).refine(twoDecimals, 'máximo dos decimales');
/** A product's price: a sale multiplies it by thousands of units, so it stays within a real price. */
const Price = z.number().min(0).max(MAX_PRODUCT_PRICE).refine(twoDecimals, 'máximo dos decimales');
/** A commission percentage such as 12.5 (stored as 1250 basis points). */
export const Percent = z.number().min(0).max(100).refine(twoDecimals, 'máximo dos decimales');

export const Category = z.enum(CATEGORIES);
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export const DocumentStatus = z.enum(['pendiente', 'usado', 'anulado']);
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const Reason = z.string().trim().min(3).max(500);
const ProductCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'letras, dígitos, punto, guion');

export const ProductBody = z.strictObject({
  code: ProductCode,
  name: z.string().trim().min(1).max(120),
  price: Price,
  category: Category,
  active: z.boolean().default(true),
});
export const ProductPatch = z.strictObject({
  code: ProductCode.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  price: Price.optional(),
  category: Category.optional(),
  active: z.boolean().optional(),
});
export const ProductQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  category: Category.optional(),
  active: z.enum(['true', 'false']).optional(),
});
/** CSV text: `code,name,price,category[,active]`, a header row optional; `;` also accepted. */
export const ProductImportBody = z.strictObject({ csv: z.string().min(1).max(500_000) });

export const SellerBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(32)
    .regex(/^[a-z0-9._-]+$/, 'minúsculas, dígitos, punto, guion'),
  full_name: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(256),
  commission_panaderia: Percent,
  commission_bizcocheria: Percent,
});
export const SellerPatch = z.strictObject({
  full_name: z.string().trim().min(1).max(120).optional(),
  commission_panaderia: Percent.optional(),
  commission_bizcocheria: Percent.optional(),
  active: z.boolean().optional(),
});

export const DocumentLineInput = z.strictObject({
  product_code: ProductCode,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});
/** A code scanned on several lines becomes one line of their sum, which has the same cap as a line. */
const DocumentLines = z
  .array(DocumentLineInput)
  .min(1)
  .max(300)
  .superRefine((lines, ctx) => {
    const totals = new Map<string, number>();
    for (const [index, line] of lines.entries()) {
      const code = line.product_code.toUpperCase();
      const total = (totals.get(code) ?? 0) + line.quantity;
      totals.set(code, total);
      if (total > MAX_LINE_QUANTITY) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'quantity'],
          message: `el producto ${code} suma ${total} unidades; el máximo por documento es ${MAX_LINE_QUANTITY}`,
        });
        return;
      }
    }
  });
export const DocumentBody = z.strictObject({
  kind: DocumentKind,
  date: IsoDate.optional(),
  /** Only the admin names the seller; a route seller always writes their own. */
  seller_id: Id.optional(),
  comments: z.string().trim().max(500).default(''),
  lines: DocumentLines,
});
export const DocumentPatch = z.strictObject({
  date: IsoDate.optional(),
  comments: z.string().trim().max(500).optional(),
  lines: DocumentLines.optional(),
  reason: Reason,
});
export const ReassignBody = z.strictObject({ seller_id: Id, reason: Reason });
export const ReasonBody = z.strictObject({ reason: Reason });
export const DocumentQuery = z.strictObject({
  kind: DocumentKind.optional(),
  status: DocumentStatus.optional(),
  seller_id: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  code: z.string().trim().max(20).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

export const ProposalQuery = z.strictObject({ seller_id: Id, date: IsoDate });
export const SaleBody = z.strictObject({
  seller_id: Id,
  date: IsoDate,
  pedido_id: Id.nullable().default(null),
  extra_ids: z.array(Id).max(50).default([]),
  previous_return_id: Id.nullable().default(null),
  return_id: Id.nullable().default(null),
});
export type SaleBody = z.infer<typeof SaleBody>;
export const SaleQuery = z.strictObject({
  seller_id: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: z.enum(['confirmada', 'anulada']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

export const CalendarQuery = z.strictObject({ month: Month });
export const CalendarDayParams = z.strictObject({ date: IsoDate });
export const CalendarOverrideBody = z.strictObject({ is_business_day: z.boolean(), reason: Reason });

export const PanelQuery = z.strictObject({
  month: Month.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  seller_id: Id.optional(),
});
export const OwnPanelQuery = z.strictObject({ month: Month.optional() });

export const ReportGroup = z.enum(['product', 'category', 'seller', 'date']);
export const ReportQuery = z.strictObject({
  group: ReportGroup.default('product'),
  from: IsoDate,
  to: IsoDate,
  seller_id: Id.optional(),
  format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
});

export const LogoBody = z.strictObject({
  filename: z.string().trim().min(1).max(100),
  mime: z.enum(['image/png', 'image/jpeg']),
  data_base64: z.string().min(1).max(700_000),
});
export const SettingsBody = z.strictObject({ name: z.string().trim().min(1).max(120) });

/** A local time of day, `HH:MM` on a 24-hour clock (00:00–23:59). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (00:00–23:59)');
/** The automatic messages: from this hour (bakery zone) sellers without today's pedido are reminded. */
export const ReminderSettingsBody = z.strictObject({ pedido_reminder_at: TimeOfDay });
export type ReminderSettingsBody = z.infer<typeof ReminderSettingsBody>;
