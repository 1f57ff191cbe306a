import { boardColour } from '@matriz/shared/lottery/limits';
import { toMajor } from '@matriz/shared/money';
import { businessDate } from '../../platform/clock.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  type BancaSet,
  bancasOfZone,
  countersByKey,
  nextClosingDraws,
  openAnomalies,
  prizesOfDay,
  salesOfDay,
  ticketTimes,
  topNumbersOfDay,
  zoneOrBancaName,
} from './dashboard.repo.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import { findBanca, findBancasOfUser } from './network.repo.ts';
import { visibleBancaIds } from './ticket-scope.ts';

export type DashboardScope = 'banca' | 'zone' | 'network';

function previousDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** (today − yesterday) ÷ yesterday in %, one decimal; null when yesterday had nothing. */
export function changePercent(today: number, yesterday: number): number | null {
  if (yesterday === 0) return null;
  return Math.round(((today - yesterday) * 1000) / yesterday) / 10;
}

async function resolveScope(
  db: LotteryDb,
  auth: AuthContext,
  scope: DashboardScope | undefined,
  id: string | undefined,
): Promise<{ scope: DashboardScope; id: string | null; bancaIds: BancaSet }> {
  const visible = await visibleBancaIds(db, auth);
  const own = visible === null ? [] : await findBancasOfUser(db, auth.userId);
  const wanted: DashboardScope =
    scope ?? (visible === null ? 'network' : auth.permissions.has('lottery.risk.read') ? 'zone' : 'banca');
  if (wanted === 'network') {
    if (visible !== null) throw forbidden('lottery.network.manage');
    return { scope: 'network', id: null, bancaIds: null };
  }
  if (wanted === 'zone') {
    if (visible !== null && !auth.permissions.has('lottery.risk.read')) throw forbidden('lottery.risk.read');
    const zoneId = id ?? own[0]?.zone_id;
    if (!zoneId) throw new AppError('NO_BANCA', 409, {});
    const inZone = await bancasOfZone(db, zoneId);
    const bancaIds = visible === null ? inZone : inZone.filter((b) => visible.includes(b));
    if (bancaIds.length === 0) throw notFound('lottery_zone', zoneId);
    return { scope: 'zone', id: zoneId, bancaIds };
  }
  const bancaId = id ?? own[0]?.id;
  if (!bancaId) throw new AppError('NO_BANCA', 409, {});
  if (visible !== null && !visible.includes(bancaId)) throw notFound('lottery_banca', bancaId);
  if (!(await findBanca(db, bancaId))) throw notFound('lottery_banca', bancaId);
  return { scope: 'banca', id: bancaId, bancaIds: [bancaId] };
}

function perHour(rows: { created_at: string; grand_total: number }[], timeZone: string): number[] {
  const hours = new Array<number>(24).fill(0);
  const format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone });
  for (const row of rows) {
    const hour = Number(format.format(new Date(row.created_at)));
    hours[hour % 24] += Number(row.grand_total);
  }
  return hours;
}

/** GET /lottery/dashboard — the day's figures for a banca, a zone or the whole network. */
export async function getDashboard(
  platform: Platform,
  auth: AuthContext,
  query: { scope?: DashboardScope; id?: string },
) {
  const db = lotteryDb(platform.db);
  const resolved = await resolveScope(db, auth, query.scope, query.id);
  const now = platform.clock.now();
  const timeZone = platform.config.timezone;
  const today = businessDate(now, timeZone);
  const yesterday = previousDay(today);
  const ids = resolved.bancaIds;
  const [salesToday, salesYesterday, prizesToday, prizesYesterday, timesToday, timesYesterday] =
    await Promise.all([
      salesOfDay(db, ids, today),
      salesOfDay(db, ids, yesterday),
      prizesOfDay(db, ids, today),
      prizesOfDay(db, ids, yesterday),
      ticketTimes(db, ids, today),
      ticketTimes(db, ids, yesterday),
    ]);
  const [draws, top, alerts] = await Promise.all([
    nextClosingDraws(db, now.toISOString(), 6),
    topNumbersOfDay(db, ids, today, 10),
    auth.permissions.has('lottery.risk.read') ? openAnomalies(db, ids, 10) : Promise.resolve([]),
  ]);
  const counterKeys = top.flatMap((t) => [
    `N|${t.draw_id}|DIRECTO|${t.bet_number}|*|sales`,
    `H|${t.draw_id}|DIRECTO|${t.bet_number}`,
  ]);
  const counters = await countersByKey(db, counterKeys);
  const hourToday = perHour(timesToday, timeZone);
  const hourYesterday = perHour(timesYesterday, timeZone);
  const balanceToday = salesToday.net - prizesToday;
  const balanceYesterday = salesYesterday.net - prizesYesterday;
  return {
    scope: resolved.scope,
    id: resolved.id,
    name: resolved.id
      ? ((await zoneOrBancaName(db, resolved.scope as 'zone' | 'banca', resolved.id)) ?? null)
      : null,
    business_date: today,
    server_time: now.toISOString(),
    metrics: {
      sales: {
        today: toMajor(salesToday.sales),
        yesterday: toMajor(salesYesterday.sales),
        change: changePercent(salesToday.sales, salesYesterday.sales),
      },
      tickets: {
        today: salesToday.tickets,
        yesterday: salesYesterday.tickets,
        change: changePercent(salesToday.tickets, salesYesterday.tickets),
      },
      prizes: {
        today: toMajor(prizesToday),
        yesterday: toMajor(prizesYesterday),
        change: changePercent(prizesToday, prizesYesterday),
      },
      balance: {
        today: toMajor(balanceToday),
        yesterday: toMajor(balanceYesterday),
        change: changePercent(balanceToday, balanceYesterday),
      },
    },
    sales_by_hour: hourToday.map((cents, hour) => ({
      hour,
      today: toMajor(cents),
      yesterday: toMajor(hourYesterday[hour]),
    })),
    next_draws: draws.map((d) => ({
      id: d.id,
      lottery_code: d.lottery_code,
      lottery_name: d.lottery_name,
      draw_time: d.draw_time,
      close_at: d.close_at,
      seconds_left: Math.max(0, Math.round((Date.parse(d.close_at) - now.getTime()) / 1000)),
    })),
    hot_numbers: top.map((t) => {
      const shares = [
        counters.get(`N|${t.draw_id}|DIRECTO|${t.bet_number}|*|sales`),
        counters.get(`H|${t.draw_id}|DIRECTO|${t.bet_number}`),
      ]
        .filter((c): c is { sold: number; lim: number } => !!c && c.lim > 0)
        .sort((a, b) => b.sold / b.lim - a.sold / a.lim);
      const worst = shares[0];
      return {
        draw_id: t.draw_id,
        lottery_code: t.lottery_code,
        draw_time: t.draw_time,
        number: t.bet_number,
        sold: toMajor(t.sold),
        share: worst ? Math.floor((worst.sold * 1000) / worst.lim) / 10 : null,
        colour: boardColour(worst?.sold ?? 0, worst?.lim ?? null, false),
      };
    }),
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      severity: a.severity,
      entity_id: a.entity_id,
      details: JSON.parse(a.details_json),
      created_at: a.created_at,
    })),
  };
}
