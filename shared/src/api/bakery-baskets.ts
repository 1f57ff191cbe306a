import { z } from 'zod';
import { CHECK_DIGIT_KINDS } from '../bakery/basket-code.ts';
import { MoneyAmount } from './bakery.ts';
import { Id, IsoDate } from './common.ts';

export const BASKET_STATUSES = ['disponible', 'prestada', 'perdida', 'cobrada', 'baja'] as const;
export type BasketStatus = (typeof BASKET_STATUSES)[number];
/** "sale": lent to a seller; "entra": back at the bakery. */
export const SCAN_MOVEMENTS = ['sale', 'entra'] as const;
export type ScanMovement = (typeof SCAN_MOVEMENTS)[number];
/** Every movement in a basket's history: the two scans plus what the job and the admin do. */
export const MOVEMENT_KINDS = ['sale', 'entra', 'perdida', 'cobrada', 'baja'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const BasketStatus = z.enum(BASKET_STATUSES);

/** The raw scanned text; the code rule (not the schema) decides whether it is valid. */
const ScannedCode = z.string().max(64);
const Reason = z.string().trim().min(3).max(500);
const Label = z.string().trim().max(40);

export const ScanBody = z.strictObject({
  code: ScannedCode,
  seller_id: Id,
  movement: z.enum(SCAN_MOVEMENTS),
});
export type ScanBody = z.infer<typeof ScanBody>;

/** A scan can be undone only by whoever made it, while it is their last one and this recent. */
export const SCAN_UNDO_MINUTES = 2;
/** The scan the user confirmed undoing (the screen shows its basket and movement first). */
export const ScanUndoBody = z.strictObject({ movement_id: Id });

export const BasketBody = z.strictObject({
  code: ScannedCode,
  colour: Label.nullable().default(null),
  size: Label.nullable().default(null),
});
export const BasketPatch = z.strictObject({
  colour: Label.nullable().optional(),
  size: Label.nullable().optional(),
});

export const ChargeBody = z.strictObject({
  /** Defaults to the bakery's default charge for a lost basket. */
  amount: MoneyAmount.refine((v) => v > 0, 'mayor que cero').optional(),
  note: z.string().trim().max(500).default(''),
});
export const WriteOffBody = z.strictObject({ reason: Reason });

export const BasketQuery = z.strictObject({
  status: BasketStatus.optional(),
  seller_id: Id.optional(),
  code: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

export const BasketSettingsBody = z.strictObject({
  code_prefix: z
    .string()
    .trim()
    .max(10)
    .regex(/^[A-Za-z0-9-]*$/, 'letras, dígitos, guion')
    .transform((v) => v.toUpperCase()),
  /** Total length with prefix and check digit; null: any length. */
  code_length: z.number().int().min(3).max(32).nullable(),
  check_digit: z.enum(CHECK_DIGIT_KINDS),
  lost_after_days: z.number().int().min(1).max(365),
  default_charge: MoneyAmount,
});
export type BasketSettingsBody = z.infer<typeof BasketSettingsBody>;

export const BASKET_REPORTS = ['day', 'out', 'lost', 'history'] as const;
export type BasketReportKind = (typeof BASKET_REPORTS)[number];

export const BasketReportQuery = z.strictObject({
  kind: z.enum(BASKET_REPORTS).default('day'),
  /** Day of the end-of-day report (default: today in the bakery's zone). */
  date: IsoDate.optional(),
  seller_id: Id.optional(),
  /** The basket of the history report (its code). */
  code: z.string().trim().max(64).optional(),
  format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
});
