import type { SaleBody } from '@matriz/shared/api/lottery-tickets';
import type { Language } from '@matriz/shared/i18n/translate';
import { percentToBasisPoints } from '@matriz/shared/money';
import type { SaleRequest } from './prepare-sale.ts';

/** A sale's body as the use cases take it (sale, check, preview); refusals said in `language`. */
export function saleRequestOf(body: SaleBody, language: Language): SaleRequest {
  return {
    bancaId: body.branch_id,
    multiplier: body.configuration.global_multiplier,
    discountBp: percentToBasisPoints(body.configuration.global_discount) ?? 0,
    entry: body.entry,
    drawIds: body.draw_ids,
    lines: body.lines?.map((line) => ({
      lotteryId: line.lottery_id,
      lotteryCode: line.lottery_code,
      drawId: line.draw_id,
      betNumber: line.bet_number,
      betType: line.bet_type_code ?? line.bet_type_id,
      betAmount: line.bet_amount,
    })),
    language,
  };
}
