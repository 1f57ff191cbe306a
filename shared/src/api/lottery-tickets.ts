/**
 * HTTP shapes of ticket sales (spec 003 §10): amounts in major units with at most two decimals,
 * percentages for the discount, an integer ticket multiplier.
 */
import { z } from 'zod';
import { BET_TYPE_CODES } from '../lottery/games.ts';
import { toCents } from '../money.ts';
import { Page } from './common.ts';

const twoDecimals = (value: number) => toCents(value) !== null;
const Amount = z.number().positive().max(10_000_000).refine(twoDecimals, 'máximo dos decimales');
const RefId = z.string().trim().min(1).max(64);

export const SaleConfiguration = z.strictObject({
  global_multiplier: z.number().int().min(1).max(100).default(1),
  global_discount: z.number().min(0).max(50).refine(twoDecimals, 'máximo dos decimales').default(0),
});

export const SaleLine = z.strictObject({
  lottery_id: RefId.optional(),
  lottery_code: z.string().trim().min(1).max(40).optional(),
  draw_id: RefId.optional(),
  bet_number: z.string().trim().min(1).max(12),
  bet_type_id: z.enum(BET_TYPE_CODES).optional(),
  bet_type_code: z.enum(BET_TYPE_CODES).optional(),
  bet_amount: Amount,
});

export const Customer = z.strictObject({
  customer_name: z.string().trim().max(120).nullable().optional(),
  customer_phone: z.string().trim().max(30).nullable().optional(),
  customer_email: z.email().max(200).nullable().optional(),
});

export const SaleBody = z.strictObject({
  branch_id: RefId.optional(),
  user_id: RefId.optional(),
  configuration: SaleConfiguration.default({ global_multiplier: 1, global_discount: 0 }),
  lines: z.array(SaleLine).min(1).max(1000).optional(),
  entry: z.string().min(1).max(20_000).optional(),
  draw_ids: z.array(RefId).max(100).optional(),
  customer: Customer.optional(),
  terminal_id: z.string().trim().max(40).optional(),
});
export type SaleBody = z.infer<typeof SaleBody>;

export const TicketCodeParams = z.strictObject({ code: z.string().trim().min(1).max(200) });

export const CancelBody = z.strictObject({ reason: z.string().trim().min(3).max(300) });

export const TicketListQuery = Page.extend({
  date: z.iso.date().optional(),
  banca: z.string().max(64).optional(),
  status: z.enum(['pending', 'active', 'winner', 'loser', 'paid', 'cancelled']).optional(),
  user: z.string().max(64).optional(),
  draw: z.string().max(64).optional(),
  code: z.string().max(40).optional(),
});

const LimitMeasure = z.enum(['sales', 'payout']);
const Weekday = z.number().int().min(0).max(6);

export const LimitRuleBody = z.strictObject({
  level: z.enum(['global', 'zone', 'banca', 'bet_type', 'number']),
  measure: LimitMeasure.default('sales'),
  max_amount: z.number().min(0).max(100_000_000_000).refine(twoDecimals, 'máximo dos decimales'),
  lottery_id: RefId.nullable().optional(),
  draw_id: RefId.nullable().optional(),
  zone_id: RefId.nullable().optional(),
  banca_id: RefId.nullable().optional(),
  bet_type: z.enum(BET_TYPE_CODES).nullable().optional(),
  number: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/)
    .nullable()
    .optional(),
  weekday: Weekday.nullable().optional(),
  starts_on: z.iso.date().nullable().optional(),
  ends_on: z.iso.date().nullable().optional(),
  note: z.string().trim().max(200).nullable().optional(),
});
export type LimitRuleBody = z.infer<typeof LimitRuleBody>;

export const LimitRulePatch = z.strictObject({
  max_amount: z.number().min(0).max(100_000_000_000).refine(twoDecimals, 'máximo dos decimales').optional(),
  active: z.boolean().optional(),
  note: z.string().trim().max(200).nullable().optional(),
  reason: z.string().trim().min(3).max(300),
});

export const BlockBody = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/),
  lottery_id: RefId.nullable().optional(),
  draw_id: RefId.nullable().optional(),
  bet_type: z.enum(BET_TYPE_CODES).nullable().optional(),
  reason: z.string().trim().min(3).max(200),
});

const HotAmount = z
  .number()
  .min(0)
  .max(100_000_000)
  .refine(twoDecimals, 'máximo dos decimales')
  .nullable()
  .optional();
export const HotNumberBody = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^\d{2}$/),
  lottery_id: RefId.nullable().optional(),
  directo: HotAmount,
  pale_1: HotAmount,
  pale_2: HotAmount,
  tripleta_1: HotAmount,
  tripleta_2: HotAmount,
  tripleta_3: HotAmount,
  reason: z.string().trim().min(3).max(200),
});

export const DeactivateBody = z.strictObject({ reason: z.string().trim().min(3).max(300) });
