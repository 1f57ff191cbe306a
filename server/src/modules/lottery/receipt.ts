import { type Language, translate } from '@matriz/shared/i18n/translate';
import { BET_TYPES, type BetTypeCode } from '@matriz/shared/lottery/games';
import { formatMoney, toCents, toMajor } from '@matriz/shared/money';
import type { PaymentRow } from './pay-ticket.ts';
import type { presentTicket } from './present-ticket.ts';
import { formatPrintDate } from './ticket-print-model.ts';

export function presentReceipt(payment: PaymentRow) {
  return {
    receipt_number: payment.receipt_number,
    ticket_code: payment.code,
    amount: toMajor(Number(payment.amount)),
    paid_at: payment.paid_at,
    paid_by: payment.paid_by_username,
    paid_by_name: payment.paid_by_name,
    paid_banca: { code: payment.paid_banca_code, name: payment.paid_banca_name },
    sold_at_other_banca: payment.paid_banca_id !== payment.banca_id,
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export interface ReceiptInput {
  operator: string;
  symbol: string;
  /** The operator's zone: the cashier reads the payment's local time, as on the ticket. */
  timeZone: string;
  receipt: ReturnType<typeof presentReceipt>;
  ticket: ReturnType<typeof presentTicket>;
  language: Language;
}

/** A small self-contained printable payment receipt (80 mm wide; prints on A4 too). */
export function renderReceiptHtml({
  operator,
  symbol,
  timeZone,
  receipt,
  ticket,
  language,
}: ReceiptInput): string {
  const money = (major: number) => escapeHtml(formatMoney(toCents(major.toFixed(2)) ?? 0, { symbol }));
  const word = (key: string, values: Record<string, unknown> = {}) =>
    escapeHtml(translate(language, `ui.lottery.receipt.${key}`, values));
  const betType = (code: string) => {
    const info = BET_TYPES[code as BetTypeCode];
    return info ? (language === 'en' ? info.nameEn : info.nameEs) : code;
  };
  const winners = ticket.lines
    .filter((l) => l.prize.is_winner)
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.lottery.lottery_code)} ${escapeHtml(l.lottery.draw_time)}</td><td>${escapeHtml(l.bet.bet_number)} ${escapeHtml(betType(l.bet.bet_type_code))}</td><td class="r">${money(l.prize.prize_amount)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${word('title', { number: receipt.receipt_number })}</title>
<style>
body{font:13px/1.35 monospace;width:72mm;margin:4mm auto;color:#000}
h1{font-size:15px;text-align:center;margin:0 0 2mm}
.c{text-align:center}.r{text-align:right}
table{width:100%;border-collapse:collapse}td{padding:1px 0;vertical-align:top}
.total{font-size:17px;font-weight:bold;border-top:1px dashed #000;padding-top:2mm;margin-top:2mm}
@media print{button{display:none}}
</style></head><body>
<h1>${escapeHtml(operator)}</h1>
<div class="c">${word('heading')}</div>
<div class="c">${escapeHtml(receipt.receipt_number)}</div>
<hr>
<table>
<tr><td>${word('ticket')}</td><td class="r">${escapeHtml(receipt.ticket_code)}</td></tr>
<tr><td>${word('sold_at')}</td><td class="r">${escapeHtml(ticket.branch.branch_code)} ${escapeHtml(ticket.branch.branch_name)}</td></tr>
<tr><td>${word('paid_at')}</td><td class="r">${escapeHtml(receipt.paid_banca.code)} ${escapeHtml(receipt.paid_banca.name)}</td></tr>
<tr><td>${word('paid_by')}</td><td class="r">${escapeHtml(receipt.paid_by)}</td></tr>
<tr><td>${word('date')}</td><td class="r">${escapeHtml(formatPrintDate(receipt.paid_at, timeZone, language))}</td></tr>
</table>
<hr>
<table>${winners}</table>
<div class="total r">${word('paid', { amount: formatMoney(toCents(receipt.amount.toFixed(2)) ?? 0, { symbol }) })}</div>
<p class="c">${word('keep')}</p>
<button onclick="window.print()">${word('print')}</button>
</body></html>`;
}
