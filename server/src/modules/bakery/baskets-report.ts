import type { BasketReportKind } from '@matriz/shared/api/bakery-baskets';
import { normalizeBasketCode } from '@matriz/shared/bakery/basket-code';
import { type Language, translate } from '@matriz/shared/i18n/translate';
import { toMajor } from '@matriz/shared/money';
import { invalid, notFound } from '../../platform/errors.ts';
import type { TabularReport } from '../../platform/exports/report.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { dayTotals, findBasketByCode, listBaskets, movementsOfBasket } from './baskets.repo.ts';
import { daysBetween } from './baskets-view.ts';
import { currencyOf } from './build-report.ts';
import { loadLogo } from './logo.ts';
import { findSeller } from './sellers.repo.ts';
import { bakeryToday, loadSettings } from './settings.ts';

export interface BasketReportRequest {
  kind: BasketReportKind;
  date?: string;
  sellerId?: string;
  code?: string;
}

const ALL = { page: 1, pageSize: 100_000 };

/** Local "YYYY-MM-DD HH:mm" in the bakery's zone. */
function localTime(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/**
 * The four canastas reports, as one table each for screen, Excel and PDF: end of day per seller,
 * baskets out per seller, the lost list and the history of one basket.
 */
export async function buildBasketReport(
  platform: Platform,
  request: BasketReportRequest,
  language: Language,
): Promise<TabularReport> {
  const db = bakeryDb(platform.db);
  const [settings, logo, today, seller] = await Promise.all([
    loadSettings(platform),
    loadLogo(platform),
    bakeryToday(platform),
    request.sellerId ? findSeller(db, request.sellerId) : Promise.resolve(undefined),
  ]);
  const t = (key: string, values?: Record<string, unknown>) =>
    translate(language, `ui.bakery.baskets.report.${key}`, values);
  const status = (s: string) => translate(language, `ui.bakery.baskets.status.${s}`);
  const base = {
    issuer: settings.name,
    currency: currencyOf(settings.currency),
    logo,
    totalsLabel: t('totals'),
    footer: `${settings.name} · ${platform.clock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
  const sellerLine = seller ? t('seller', { name: seller.full_name }) : null;
  const subtitle = (...parts: (string | null)[]) => parts.filter(Boolean).join(' · ');

  if (request.kind === 'day') {
    const date = request.date ?? today;
    const rows = await dayTotals(db, date, request.sellerId);
    return {
      ...base,
      title: t('day_title'),
      subtitle: subtitle(t('date', { date }), sellerLine),
      columns: [
        // Weighted so that every header and a charge of millions fit the half-letter width.
        { key: 'seller', header: t('seller_col'), kind: 'text', width: 2 },
        { key: 'lent', header: t('lent'), kind: 'integer' },
        { key: 'returned', header: t('returned'), kind: 'integer' },
        { key: 'out', header: t('out'), kind: 'integer', width: 0.8 },
        { key: 'lost', header: t('lost'), kind: 'integer', width: 0.9 },
        { key: 'charged', header: t('charged'), kind: 'money', width: 1.25 },
        { key: 'credited', header: t('credited'), kind: 'money', width: 1.25 },
      ],
      rows: rows.map((r) => ({
        seller_id: r.seller_id,
        seller: r.seller_name,
        lent: r.lent,
        returned: r.returned,
        out: r.out,
        lost: r.lost,
        charged: toMajor(r.charged_cents),
        credited: toMajor(r.credited_cents),
      })),
      totalColumns: ['lent', 'returned', 'out', 'lost', 'charged', 'credited'],
    };
  }

  if (request.kind === 'out' || request.kind === 'lost') {
    const lost = request.kind === 'lost';
    const { items } = await listBaskets(db, {
      ...ALL,
      sellerId: request.sellerId,
      ...(lost ? { lostOnly: true } : { statuses: ['prestada', 'perdida'] }),
    });
    return {
      ...base,
      title: t(lost ? 'lost_title' : 'out_title'),
      subtitle: subtitle(t('as_of', { date: today }), sellerLine),
      columns: [
        { key: 'seller', header: t('seller_col'), kind: 'text', width: 2.2 },
        { key: 'code', header: t('code'), kind: 'text', width: 1.3 },
        { key: 'status', header: t('status'), kind: 'text', width: 1.1 },
        { key: 'lent_date', header: t('lent_date'), kind: 'text', width: 1.2 },
        { key: 'days', header: t('days'), kind: 'integer', width: 0.7 },
        ...(lost ? [{ key: 'charged', header: t('charged'), kind: 'money' as const, width: 1.2 }] : []),
      ],
      rows: items.map((b) => ({
        id: b.id,
        seller_id: b.holder_id,
        seller: b.holder_name ?? '—',
        code: b.code,
        status: status(b.status),
        status_key: b.status,
        lent_date: b.lent_date,
        days: b.lent_date ? daysBetween(b.lent_date, today) : null,
        ...(lost && { charged: b.charged_cents === null ? null : toMajor(Number(b.charged_cents)) }),
      })),
      totalColumns: lost ? ['charged'] : [],
    };
  }

  if (!request.code) throw invalid('BASKET_CODE_INVALID', { code: '', reason: 'empty', expected: null });
  const code = normalizeBasketCode(request.code);
  const basket = await findBasketByCode(db, code);
  if (!basket) throw notFound('bakery_basket', code);
  const movements = await movementsOfBasket(db, basket.id);
  return {
    ...base,
    title: t('history_title', { code }),
    subtitle: subtitle(
      t('current', { status: status(basket.status) }),
      basket.holder_name ? t('seller', { name: basket.holder_name }) : null,
      [basket.colour, basket.size].filter(Boolean).join(' ') || null,
    ),
    columns: [
      { key: 'at', header: t('at'), kind: 'text', width: 1.6 },
      { key: 'movement', header: t('movement'), kind: 'text', width: 1.3 },
      { key: 'seller', header: t('seller_col'), kind: 'text', width: 2 },
      { key: 'user', header: t('user'), kind: 'text', width: 1.2 },
      { key: 'amount', header: t('amount'), kind: 'money', width: 1.1 },
    ],
    rows: movements.map((m) => ({
      id: m.id,
      at: localTime(m.at, settings.timezone),
      movement: `${translate(language, `ui.bakery.baskets.movement.${m.kind}`)}${m.undone_at ? ` (${t('undone')})` : ''}`,
      seller: m.seller_name,
      user: m.username,
      amount: m.amount_cents === null ? null : toMajor(Number(m.amount_cents)),
    })),
    totalColumns: [],
  };
}
