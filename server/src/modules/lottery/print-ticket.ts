import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { loadTicketView } from './present-ticket.ts';
import { type PrintOptions, printModelFromView, type TicketPrintModel } from './ticket-print-model.ts';
import { canSee, visibleBancaIds } from './ticket-scope.ts';
import { parseScan } from './ticket-signature.ts';

/**
 * What a printer gets for a sold ticket the user may see: the print model in the banca's format
 * and copies (or the ones asked for). A scanned QR whose signature does not match is refused.
 */
export async function loadTicketPrintModel(
  platform: Platform,
  auth: AuthContext,
  scanned: string,
  options: PrintOptions = {},
): Promise<TicketPrintModel> {
  const parsed = parseScan(scanned);
  if (!parsed) throw notFound('lottery_ticket', scanned);
  const db = lotteryDb(platform.db);
  const { ticket, view } = await loadTicketView(db, parsed.code);
  if (!canSee(await visibleBancaIds(db, auth), ticket.banca_id))
    throw notFound('lottery_ticket', parsed.code);
  if (parsed.signature !== null && parsed.signature !== ticket.signature)
    throw new AppError('TICKET_FORGED', 422, { code: parsed.code });
  const settings = await getOperatorSettings(db, platform.config);
  return printModelFromView(view, settings, options);
}
