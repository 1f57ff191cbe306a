import type { ResultFormat } from '@matriz/shared/lottery/games';
import { formatPlay, type ParseError, parseEntry } from '@matriz/shared/lottery/grammar';
import { type PricedTicket, priceTicket } from '@matriz/shared/lottery/pricing';
import type { DrawView } from '../tickets/tickets.api.ts';

/** One line of the live table: a parsed play sent to one draw (or to its lottery's next draw). */
export interface LivePlay {
  key: string;
  /** 1-based line of the entry the play came from. */
  sourceLine: number;
  lottery: string;
  drawId: string | null;
  drawTime: string | null;
  number: string;
  /** The bet type's code; screens show its name in the app's language (`betTypeName`). */
  betType: string;
  amountCents: number;
}

export interface LiveTicket {
  plays: LivePlay[];
  errors: ParseError[];
  priced: PricedTicket;
}

/**
 * The POS preview of what the server will do with the entry: the shared grammar with the selected
 * draws' lotteries, one play per target draw, priced by the shared pricing (commission is
 * server-side and does not change what the customer pays).
 */
export function liveTicket(
  entryLines: readonly string[],
  selected: readonly DrawView[],
  known: readonly DrawView[],
  config: { multiplier: number; discountBp: number },
): LiveTicket {
  const formats = new Map<string, ResultFormat>();
  for (const draw of known) formats.set(draw.lottery_code.toUpperCase(), draw.result_format);
  const selectedByLottery = new Map<string, DrawView[]>();
  for (const draw of selected) {
    const code = draw.lottery_code.toUpperCase();
    selectedByLottery.set(code, [...(selectedByLottery.get(code) ?? []), draw]);
  }
  const parsed = parseEntry(entryLines.join('\n'), {
    selectedLotteries: selected.length > 0 ? [...selectedByLottery.keys()] : undefined,
    formatOf: (code) => formats.get(code),
  });
  const plays: LivePlay[] = [];
  parsed.plays.forEach((play, index) => {
    const number = play.number === null ? '*' : formatPlay(play);
    const targets: { lottery: string; draw: DrawView | null }[] = play.lotteryCode
      ? (selectedByLottery.get(play.lotteryCode) ?? [null]).map((draw) => ({
          lottery: play.lotteryCode!,
          draw,
        }))
      : selected.map((draw) => ({ lottery: draw.lottery_code.toUpperCase(), draw }));
    for (const target of targets) {
      plays.push({
        key: `${index}|${target.draw?.id ?? target.lottery}`,
        sourceLine: play.line,
        lottery: target.lottery,
        drawId: target.draw?.id ?? null,
        drawTime: target.draw?.draw_time ?? null,
        number,
        betType: play.betType,
        amountCents: play.amountCents,
      });
    }
  });
  const priced = priceTicket(
    plays.map((p) => ({ betCents: p.amountCents, commissionBp: 0 })),
    { multiplier: config.multiplier, discountBp: config.discountBp },
  );
  return { plays, errors: parsed.errors, priced };
}

/** Lottery codes that start with what is typed before the first separator (auto-complete). */
export function lotterySuggestions(input: string, codes: readonly string[]): string[] {
  const match = /^([A-Za-z][A-Za-z0-9 ]*)$/.exec(input.trimStart());
  if (!match) return [];
  const prefix = match[1].toUpperCase();
  return codes.filter((c) => c.startsWith(prefix) && c !== prefix).slice(0, 6);
}
