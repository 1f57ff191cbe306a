import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { bumpReprintCount } from './print.repo.ts';
import { canSee, visibleBancaIds } from './ticket-scope.ts';
import { parseScan } from './ticket-signature.ts';
import { findTicketByCode } from './tickets.repo.ts';

/**
 * Reimprimir (DOMAIN.md §7): counts the reprint with a conditional update (two reprints at once
 * get 1 and 2, never 1 twice) and audits it in the same transaction; the print then says
 * "REIMPRESIÓN n". A cancelled ticket is not reprinted.
 */
export async function reprintTicket(platform: Platform, actor: Actor, auth: AuthContext, scanned: string) {
  const parsed = parseScan(scanned);
  if (!parsed) throw notFound('lottery_ticket', scanned);
  const db = lotteryDb(platform.db);
  for (let attempt = 0; attempt < 10; attempt++) {
    const ticket = await findTicketByCode(db, parsed.code);
    if (!ticket || !canSee(await visibleBancaIds(db, auth), ticket.banca_id))
      throw notFound('lottery_ticket', parsed.code);
    if (ticket.status === 'cancelled')
      throw new AppError('TICKET_NOT_REPRINTABLE', 409, { code: ticket.code, status: ticket.status });
    const seen = Number(ticket.reprint_count);
    const counted = await platform.db.transaction().execute(async (trx) => {
      if (!(await bumpReprintCount(lotteryDb(trx), ticket.id, seen))) return false;
      await platform.audit(trx, actor, {
        entity: 'lottery_ticket',
        entityId: ticket.id,
        action: 'reprint',
        before: { reprint_count: seen },
        after: { reprint_count: seen + 1 },
      });
      return true;
    });
    if (counted) return { code: ticket.code, reprintCount: seen + 1 };
  }
  throw new AppError('CONFLICT', 409, { code: parsed.code });
}
