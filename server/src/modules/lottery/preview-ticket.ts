import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { prepareSale, refusalOf, type SaleRequest } from './prepare-sale.ts';
import { findUsername } from './print.repo.ts';
import { type PrintFormat, printModelFromPlan } from './ticket-print-model.ts';

/**
 * VISTA PREVIA (spec 002 step 7): the sale checked exactly as `prepareSale` checks it, printed as
 * it would be — nothing written, nothing reserved. A sale that would be refused is refused here.
 */
export async function previewTicket(
  platform: Platform,
  sellerId: string,
  request: SaleRequest,
  options: { format?: PrintFormat } = {},
) {
  const prepared = await prepareSale(platform, sellerId, request);
  if (!prepared.plan) throw refusalOf(prepared.problems);
  const db = lotteryDb(platform.db);
  const [settings, username] = await Promise.all([
    getOperatorSettings(db, platform.config),
    findUsername(db, sellerId),
  ]);
  return printModelFromPlan(prepared.plan, { username }, platform.clock.now(), settings, options);
}
