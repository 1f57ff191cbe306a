/**
 * HTTP shapes of results, settlement and payouts (spec 002 "Procesamiento de resultados").
 * Quiniela: first/second/third; pick3/4/5: numbers; tiempos: number, ball, reventado_multiplier (×, major).
 */
import { z } from 'zod';
import { IsoDate, Page } from './common.ts';

const Digits = z.string().trim().min(1).max(12);

export const ResultBody = z.strictObject({
  /** Lottery code (REAL) or id. */
  lottery: z.string().trim().min(1).max(64),
  draw_date: IsoDate,
  /** HH:MM in the lottery's zone; needed only when the lottery draws more than once that day. */
  draw_time: z
    .string()
    .regex(/^\d{2}:\d{2}$/, 'HH:MM')
    .optional(),
  first: Digits.optional(),
  second: Digits.optional(),
  third: Digits.optional(),
  numbers: Digits.optional(),
  number: Digits.optional(),
  ball: z.enum(['red', 'white']).optional(),
  reventado_multiplier: z.number().min(0).max(100_000).optional(),
});
export type ResultBody = z.infer<typeof ResultBody>;

export const CorrectResultBody = ResultBody.extend({ reason: z.string().trim().min(5).max(500) });
export type CorrectResultBody = z.infer<typeof CorrectResultBody>;

export const ImportResultsBody = z.strictObject({ csv: z.string().min(1).max(500_000) });

export const ResultsQuery = z.strictObject({
  /** Business date in the operator's zone; today by default. */
  date: IsoDate.optional(),
  /** Lottery code or id. */
  lottery: z.string().trim().max(64).optional(),
  /** Only draws with a result. */
  resulted: z.enum(['true', 'false']).optional(),
});

export const DrawIdParams = z.strictObject({ drawId: z.string().min(1).max(64) });

export const WinnersQuery = Page;

export const UnclaimedQuery = Page.extend({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  banca: z.string().max(64).optional(),
});

export const PayoutSettingsBody = z.strictObject({
  /** A winning ticket may be paid at any banca, not only the one that sold it. */
  pay_any_banca: z.boolean(),
});
export type PayoutSettings = z.infer<typeof PayoutSettingsBody>;
