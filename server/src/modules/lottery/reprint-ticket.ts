import type { Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { moveReprintCount, originalPrinted } from './print.repo.ts';
import { loadTicketPrintModel } from './print-ticket.ts';
import type { PrintOptions, TicketPrintModel } from './ticket-print-model.ts';
import { findTicketByCode } from './tickets.repo.ts';

/**
 * Every print of a sold ticket (print page, PDF, ESC/POS, Reimprimir) goes through here
 * (DOMAIN.md §7). The first one, the sale's own, is the original; every later one is a reprint:
 * counted with a conditional update (two at once get n and n + 1, never n twice), audited in the
 * same transaction and printed "REIMPRESIÓN n". A cancelled ticket is not printed again.
 */
export async function reprintTicket(
  platform: Platform,
  actor: Actor,
  auth: AuthContext,
  scanned: string,
  options: PrintOptions = {},
): Promise<TicketPrintModel> {
  const model = await loadTicketPrintModel(platform, auth, scanned, options);
  const db = lotteryDb(platform.db);
  for (let attempt = 0; attempt < 10; attempt++) {
    const ticket = await findTicketByCode(db, model.code);
    if (!ticket) throw notFound('lottery_ticket', model.code);
    if (ticket.status === 'cancelled')
      throw new AppError('TICKET_NOT_REPRINTABLE', 409, { code: ticket.code, status: ticket.status });
    const seen = Number(ticket.reprint_count);
    const count = await platform.db.transaction().execute(async (trx) => {
      const tx = lotteryDb(trx);
      // Holding the row first makes a second first print wait, then find the first one's audit row.
      if (!(await moveReprintCount(tx, ticket.id, seen, seen))) return null;
      const original = seen === 0 && !(await originalPrinted(tx, ticket.id));
      const next = original ? 0 : seen + 1;
      if (!original) await moveReprintCount(tx, ticket.id, seen, next);
      await platform.audit(trx, actor, {
        entity: 'lottery_ticket',
        entityId: ticket.id,
        action: original ? 'print' : 'reprint',
        before: { reprint_count: seen },
        after: { reprint_count: next },
      });
      return next;
    });
    if (count !== null) return { ...model, reprint: count };
  }
  throw new AppError('CONFLICT', 409, { code: model.code });
}
