/**
 * HTTP shapes of the lottery network and catalog (/api/v1/lottery/…). Amounts are major units
 * with at most two decimals (157.5), commissions are percentages (8 = 8 %), prize multipliers are
 * "times the bet" with at most two decimals (83.33); the server stores cents, basis points and
 * hundredths.
 */
import { z } from 'zod';
import { BET_TYPE_CODES, RESULT_FORMATS } from '../lottery/games.ts';
import { DRAW_STATUSES, isIsoDate, isTimeOfDay, isTimeZone } from '../lottery/schedule.ts';
import { toCents } from '../money.ts';
import { Id, Page } from './common.ts';

const twoDecimals = (value: number) => toCents(value) !== null;

const Code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, 'letras, dígitos, _ y -')
  .transform((s) => s.toUpperCase());
const Name = z.string().trim().min(1).max(120);
const Amount = z.number().min(0).max(100_000_000_000).refine(twoDecimals, 'máximo dos decimales');
const OptionalAmount = Amount.nullable();
export const Percent = z.number().min(0).max(100).refine(twoDecimals, 'máximo dos decimales');
export const Multiplier = z.number().positive().max(10_000_000).refine(twoDecimals, 'máximo dos decimales');
const TimeOfDay = z.string().refine(isTimeOfDay, 'HH:MM');
const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'zona horaria IANA');
const IsoDay = z.string().refine(isIsoDate, 'YYYY-MM-DD');
const BoolText = z.enum(['true', 'false']);
const Footer = z.string().trim().max(60);

export const PRINT_FORMATS = ['thermal_58mm', 'thermal_80mm', 'A4'] as const;
export const PrintFormat = z.enum(PRINT_FORMATS);
export const BetTypeCodeSchema = z.enum(BET_TYPE_CODES);
export const ResultFormatSchema = z.enum(RESULT_FORMATS);
export const DrawStatusSchema = z.enum(DRAW_STATUSES);

/** Presets offered by the settings screen; any ISO code and symbol is accepted. */
// ── Operator settings ────────────────────────────────────────────────────────────────────────

export const OperatorSettings = z.strictObject({
  name: Name,
  ticket_prefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,6}$/, '2 a 6 letras')
    .transform((s) => s.toUpperCase()),
  currency_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'código ISO 4217')
    .transform((s) => s.toUpperCase()),
  currency_symbol: z.string().trim().min(1).max(5),
  time_zone: TimeZone,
  /** Days ahead (after today) whose draws already sell. */
  future_sales_days: z.number().int().min(0).max(31),
  ticket_expiry_days: z.number().int().min(1).max(3650),
  print_format: PrintFormat,
  print_copies: z.number().int().min(1).max(3),
  footer_lines: z.tuple([Footer, Footer, Footer]),
  show_prize_table: z.boolean(),
  /** What printed tickets and prize receipts are written in: they are the customer's. */
  ticket_language: z.enum(['es', 'en']),
});
export type OperatorSettings = z.infer<typeof OperatorSettings>;
/** Saving the settings: a setting added after a client was written keeps its stored value when left out. */
export const OperatorSettingsBody = OperatorSettings.extend({
  ticket_language: OperatorSettings.shape.ticket_language.optional(),
});
export type OperatorSettingsBody = z.infer<typeof OperatorSettingsBody>;

// ── Zones ────────────────────────────────────────────────────────────────────────────────────

export const ActiveFilter = Page.extend({
  q: z.string().trim().max(100).optional(),
  active: BoolText.optional(),
});

export const ZoneView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  banca_count: z.number().int(),
  /** Active bancas of the zone: what deactivating it stops selling. */
  active_banca_count: z.number().int(),
});
export type ZoneView = z.infer<typeof ZoneView>;
export const CreateZoneBody = z.strictObject({ code: Code, name: Name });
export const UpdateZoneBody = z.strictObject({ code: Code.optional(), name: Name.optional() });

// ── Bancas ───────────────────────────────────────────────────────────────────────────────────

const bancaFields = {
  code: Code,
  name: Name,
  owner_name: Name,
  zone_id: Id,
  opens_at: TimeOfDay.nullable(),
  closes_at: TimeOfDay.nullable(),
  print_format: PrintFormat,
  print_copies: z.number().int().min(1).max(3),
  footer_lines: z.tuple([Footer, Footer, Footer]),
  show_prize_table: z.boolean(),
  cancel_window_minutes: z.number().int().min(0).max(1440),
  max_cancels_per_day: z.number().int().min(0).max(10_000).nullable(),
  max_cancel_amount: OptionalAmount,
  max_ticket_amount: OptionalAmount,
  daily_sales_limit: OptionalAmount,
  credit_limit: OptionalAmount,
  deactivation_balance: z.number().min(-100_000_000_000).max(100_000_000_000).refine(twoDecimals).nullable(),
  accept_partial_lines: z.boolean(),
};

/** Only code, name, owner and zone are required; print fields default to the operator's, risk to DOMAIN.md. */
export const CreateBancaBody = z.strictObject({
  code: bancaFields.code,
  name: bancaFields.name,
  owner_name: bancaFields.owner_name,
  zone_id: bancaFields.zone_id,
  opens_at: bancaFields.opens_at.optional(),
  closes_at: bancaFields.closes_at.optional(),
  print_format: bancaFields.print_format.optional(),
  print_copies: bancaFields.print_copies.optional(),
  footer_lines: bancaFields.footer_lines.optional(),
  show_prize_table: bancaFields.show_prize_table.optional(),
  cancel_window_minutes: bancaFields.cancel_window_minutes.optional(),
  max_cancels_per_day: bancaFields.max_cancels_per_day.optional(),
  max_cancel_amount: bancaFields.max_cancel_amount.optional(),
  max_ticket_amount: bancaFields.max_ticket_amount.optional(),
  daily_sales_limit: bancaFields.daily_sales_limit.optional(),
  credit_limit: bancaFields.credit_limit.optional(),
  deactivation_balance: bancaFields.deactivation_balance.optional(),
  accept_partial_lines: bancaFields.accept_partial_lines.optional(),
});
export type CreateBancaBody = z.infer<typeof CreateBancaBody>;
/**
 * `version` is the one the edit started from (BancaView.version): when given and someone saved the
 * banca since, the change is refused (RECORD_CHANGED) instead of silently overwriting theirs.
 */
export const UpdateBancaBody = CreateBancaBody.partial().extend({
  version: z.number().int().min(1).optional(),
});
export type UpdateBancaBody = z.infer<typeof UpdateBancaBody>;

export const BancaView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  owner_name: z.string(),
  zone_id: z.string(),
  zone_code: z.string(),
  zone_name: z.string(),
  active: z.boolean(),
  opens_at: z.string().nullable(),
  closes_at: z.string().nullable(),
  print_format: PrintFormat,
  print_copies: z.number().int(),
  footer_lines: z.tuple([z.string(), z.string(), z.string()]),
  show_prize_table: z.boolean(),
  cancel_window_minutes: z.number().int(),
  max_cancels_per_day: z.number().int().nullable(),
  max_cancel_amount: z.number().nullable(),
  max_ticket_amount: z.number().nullable(),
  daily_sales_limit: z.number().nullable(),
  credit_limit: z.number().nullable(),
  deactivation_balance: z.number().nullable(),
  accept_partial_lines: z.boolean(),
  user_count: z.number().int(),
  /** Grows by one with every saved edit; an edit sends back the one it started from. */
  version: z.number().int(),
});
export type BancaView = z.infer<typeof BancaView>;
export const BancaListQuery = ActiveFilter.extend({ zone_id: Id.optional() });

// ── Assignments ──────────────────────────────────────────────────────────────────────────────

/** vendedor and cajero work at a banca; supervisor and cobrador cover a zone. */
export const ASSIGNMENT_ROLES = ['vendedor', 'cajero', 'supervisor', 'cobrador'] as const;
export const AssignmentRole = z.enum(ASSIGNMENT_ROLES);
export const BANCA_ROLES: readonly string[] = ['vendedor', 'cajero'];

export const AssignmentView = z.object({
  id: z.string(),
  user_id: z.string(),
  username: z.string(),
  full_name: z.string(),
  user_active: z.boolean(),
  role: AssignmentRole,
  banca_id: z.string().nullable(),
  banca_code: z.string().nullable(),
  banca_name: z.string().nullable(),
  zone_id: z.string().nullable(),
  zone_name: z.string().nullable(),
  created_at: z.string(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;
export const AssignmentListQuery = z.strictObject({
  banca_id: Id.optional(),
  zone_id: Id.optional(),
  user_id: Id.optional(),
});
export const CreateAssignmentBody = z.strictObject({
  user_id: Id,
  role: AssignmentRole,
  banca_id: Id.optional(),
  zone_id: Id.optional(),
});

// ── External agents ──────────────────────────────────────────────────────────────────────────

export const AgentView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  zone_id: z.string().nullable(),
  zone_name: z.string().nullable(),
  commission_percent: z.number(),
  active: z.boolean(),
});
export type AgentView = z.infer<typeof AgentView>;
export const CreateAgentBody = z.strictObject({
  code: Code,
  name: Name,
  phone: z.string().trim().max(30).nullable().optional(),
  zone_id: Id.nullable().optional(),
  commission_percent: Percent,
});
export const UpdateAgentBody = CreateAgentBody.partial();

// ── Lotteries and schedules ──────────────────────────────────────────────────────────────────

export const LotteryView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  time_zone: z.string(),
  result_format: ResultFormatSchema,
  source_a_id: z.string().nullable(),
  source_b_id: z.string().nullable(),
  sort_order: z.number().int(),
  active: z.boolean(),
  draws_per_week: z.number().int(),
});
export type LotteryView = z.infer<typeof LotteryView>;
export const LotteryListQuery = ActiveFilter.extend({ result_format: ResultFormatSchema.optional() });
export const CreateLotteryBody = z.strictObject({
  code: Code,
  name: Name,
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166 (DO, US, CR …)')
    .transform((s) => s.toUpperCase()),
  time_zone: TimeZone,
  result_format: ResultFormatSchema,
  source_a_id: Id.nullable().optional(),
  source_b_id: Id.nullable().optional(),
  sort_order: z.number().int().min(0).max(100_000).optional(),
});
export const UpdateLotteryBody = CreateLotteryBody.partial();

export const ScheduleSlotSchema = z.strictObject({
  weekday: z.number().int().min(0).max(6),
  close_time: TimeOfDay,
  draw_time: TimeOfDay,
});
export type ScheduleSlotView = z.infer<typeof ScheduleSlotSchema>;
export const ScheduleBody = z.strictObject({ slots: z.array(ScheduleSlotSchema).max(200) });
/**
 * What saving a schedule did to the draws already generated and not yet closed: those that no longer
 * match it were removed (or given the new close time) unless they have sales; those stay as they were.
 */
export const ScheduleSavedView = z.object({
  slots: z.array(ScheduleSlotSchema),
  draws: z.object({
    removed: z.number().int(),
    close_changed: z.number().int(),
    kept_with_sales: z.array(
      z.object({ id: z.string(), draw_date: z.string(), draw_time: z.string(), close_at: z.string() }),
    ),
  }),
});
export type ScheduleSavedView = z.infer<typeof ScheduleSavedView>;
export const WeekScheduleView = z.object({
  lotteries: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      time_zone: z.string(),
      result_format: ResultFormatSchema,
      active: z.boolean(),
      slots: z.array(ScheduleSlotSchema),
    }),
  ),
});
export type WeekScheduleView = z.infer<typeof WeekScheduleView>;

// ── Draws ────────────────────────────────────────────────────────────────────────────────────

export const DrawView = z.object({
  id: z.string(),
  lottery_id: z.string(),
  lottery_code: z.string(),
  lottery_name: z.string(),
  result_format: ResultFormatSchema,
  time_zone: z.string(),
  draw_date: z.string(),
  draw_time: z.string(),
  business_date: z.string(),
  close_at: z.string(),
  draw_at: z.string(),
  /** By the server clock: an `open` draw past its close instant, or of a switched-off lottery, is reported `closed`. */
  status: DrawStatusSchema,
  /** Draw lists say whether the lottery is switched on: nothing sells into the draws of one that is not. */
  lottery_active: z.boolean().optional(),
});
export type DrawView = z.infer<typeof DrawView>;
export const DrawListQuery = z.strictObject({
  /** Business date in the operator's zone; today by default. */
  date: IsoDay.optional(),
  status: DrawStatusSchema.optional(),
  lottery_id: Id.optional(),
});
export const DrawList = z.object({ draws: z.array(DrawView), server_time: z.string() });
export const CloseDrawBody = z.strictObject({ reason: z.string().trim().min(3).max(300) });
export const ReopenDrawBody = z.strictObject({
  reason: z.string().trim().min(3).max(300),
  /** New close instant (ISO-8601); defaults to the scheduled one. Must be after now and not after the draw. */
  close_at: z.iso.datetime({ offset: true }).optional(),
});
export const GenerateDrawsBody = z.strictObject({
  from: IsoDay.optional(),
  days: z.number().int().min(1).max(62),
});

// ── Bet types ────────────────────────────────────────────────────────────────────────────────

export const BetTypeView = z.object({
  code: BetTypeCodeSchema,
  name: z.string(),
  name_en: z.string(),
  result_formats: z.array(ResultFormatSchema),
  number_length: z.number().int(),
  prize_classes: z.array(z.string()),
  pays_result_multiplier: z.boolean(),
  active: z.boolean(),
});
export type BetTypeView = z.infer<typeof BetTypeView>;
export const BetTypeParams = z.strictObject({ code: BetTypeCodeSchema });

// ── Prize tables ─────────────────────────────────────────────────────────────────────────────

export const PRIZE_SCOPES = ['default', 'banca', 'lottery', 'draw'] as const;
export const PrizeScope = z.enum(PRIZE_SCOPES);
export type PrizeScope = z.infer<typeof PrizeScope>;

export const PrizeTableQuery = z.strictObject({ scope: PrizeScope, scope_id: Id.optional() });
export const PrizeEntryView = z.object({
  bet_type: BetTypeCodeSchema,
  prize_class: z.string(),
  /** The override at the asked scope, or null when inherited. */
  multiplier: z.number().nullable(),
  effective_multiplier: z.number(),
  /** Where the effective value comes from: a scope, or `built_in` (DOMAIN.md defaults). */
  source: z.enum(['built_in', ...PRIZE_SCOPES]),
});
export type PrizeEntryView = z.infer<typeof PrizeEntryView>;
export const PrizeTableView = z.object({
  scope: PrizeScope,
  scope_id: z.string().nullable(),
  entries: z.array(PrizeEntryView),
});
export type PrizeTableView = z.infer<typeof PrizeTableView>;
/** Replaces every override at one scope with `entries` (an empty list removes them all). */
export const PutPrizeTableBody = z.strictObject({
  scope: PrizeScope,
  scope_id: Id.nullable().optional(),
  entries: z
    .array(
      z.strictObject({
        bet_type: BetTypeCodeSchema,
        prize_class: z.string().min(1).max(20),
        multiplier: Multiplier,
      }),
    )
    .max(500),
});
export type PutPrizeTableBody = z.infer<typeof PutPrizeTableBody>;
export const EffectivePrizesQuery = z.strictObject({ banca_id: Id, draw_id: Id });

// ── Commission schemes ───────────────────────────────────────────────────────────────────────

export const COMMISSION_SOURCES = ['banca_lottery', 'banca', 'all_lottery', 'all', 'none'] as const;
export const CommissionQuery = z.strictObject({ banca_id: Id.optional(), lottery_id: Id.optional() });
export const CommissionEntryView = z.object({
  bet_type: BetTypeCodeSchema,
  percent: z.number().nullable(),
  effective_percent: z.number(),
  source: z.enum(COMMISSION_SOURCES),
});
export type CommissionEntryView = z.infer<typeof CommissionEntryView>;
export const CommissionSchemeView = z.object({
  banca_id: z.string().nullable(),
  lottery_id: z.string().nullable(),
  entries: z.array(CommissionEntryView),
});
export type CommissionSchemeView = z.infer<typeof CommissionSchemeView>;
/** Replaces the rates of one banca (null: every banca) and lottery (null: every lottery). */
export const PutCommissionBody = z.strictObject({
  banca_id: Id.nullable(),
  lottery_id: Id.nullable(),
  entries: z.array(z.strictObject({ bet_type: BetTypeCodeSchema, percent: Percent })).max(100),
});
export type PutCommissionBody = z.infer<typeof PutCommissionBody>;
