import type { Language } from '@matriz/shared/i18n/translate';
import { translate } from '@matriz/shared/i18n/translate';
import { toMajor } from '@matriz/shared/money';
import { invalid } from '../../platform/errors.ts';
import type { ReportColumn, TabularReport } from '../../platform/exports/report.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb } from './bakery.repo.ts';
import { loadLogo } from './logo.ts';
import { type ReportGrouping, reportRows } from './sales.repo.ts';
import { findSeller } from './sellers.repo.ts';
import { loadSettings } from './settings.ts';

export interface ReportRequest {
  group: ReportGrouping;
  from: string;
  to: string;
  sellerId?: string;
}

export const currencyOf = (code: string) => ({ symbol: code === 'COP' ? '$' : `${code} `, locale: 'es-CO' });

/** Confirmed sales between two dates, summed by product, category, seller or date. */
export async function buildSalesReport(
  platform: Platform,
  request: ReportRequest,
  language: Language,
): Promise<TabularReport> {
  if (request.from > request.to) throw invalid('DATE_RANGE_INVALID', { from: request.from, to: request.to });
  const db = bakeryDb(platform.db);
  const [settings, rows, logo, seller] = await Promise.all([
    loadSettings(platform),
    reportRows(db, request, request.group),
    loadLogo(platform),
    request.sellerId ? findSeller(db, request.sellerId) : Promise.resolve(undefined),
  ]);
  const t = (key: string, values?: Record<string, unknown>) =>
    translate(language, `ui.bakery.report.${key}`, values);
  const keyColumns: ReportColumn[] =
    request.group === 'product'
      ? [
          { key: 'key', header: t('code'), kind: 'text', width: 1 },
          { key: 'label', header: t('product'), kind: 'text', width: 2.4 },
          { key: 'category', header: t('category'), kind: 'text', width: 1.3 },
        ]
      : [{ key: 'label', header: t(`group_${request.group}`), kind: 'text', width: 2.4 }];
  const categoryName = (category: string | null) =>
    category ? translate(language, `ui.bakery.category.${category}`) : null;
  return {
    issuer: settings.name,
    title: t('title', { group: t(`group_${request.group}`) }),
    subtitle: [
      t('range', { from: request.from, to: request.to }),
      seller ? t('seller', { name: seller.full_name }) : null,
    ]
      .filter(Boolean)
      .join(' · '),
    columns: [
      ...keyColumns,
      { key: 'quantity', header: t('quantity'), kind: 'integer', width: 0.9 },
      { key: 'value', header: t('value'), kind: 'money', width: 1.5 },
      { key: 'commission', header: t('commission'), kind: 'money', width: 1.4 },
      { key: 'payable', header: t('payable'), kind: 'money', width: 1.5 },
    ],
    rows: rows.map((r) => ({
      key: r.key,
      label: request.group === 'category' ? categoryName(r.label) : r.label,
      category: categoryName(r.category),
      quantity: Number(r.quantity),
      value: toMajor(Number(r.value_cents)),
      commission: toMajor(Number(r.commission_cents)),
      payable: toMajor(Number(r.payable_cents)),
    })),
    totalColumns: ['quantity', 'value', 'commission', 'payable'],
    totalsLabel: t('totals'),
    currency: currencyOf(settings.currency),
    logo,
    footer: `${settings.name} · ${platform.clock.now().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}
