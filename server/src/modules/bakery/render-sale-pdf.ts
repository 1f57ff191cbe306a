import type { Language } from '@matriz/shared/i18n/translate';
import { translate } from '@matriz/shared/i18n/translate';
import { formatMoney } from '@matriz/shared/money';
import { renderTablePdf } from '../../platform/exports/pdf.ts';
import type { Platform } from '../../platform/platform.ts';
import { currencyOf } from './build-report.ts';
import { loadLogo } from './logo.ts';
import type { SaleDetail } from './sale-view.ts';
import { loadSettings } from './settings.ts';

/** The venta del día on half-letter paper: every line with its stored price and commission rate. */
export async function renderSalePdf(
  platform: Platform,
  sale: SaleDetail,
  language: Language,
): Promise<Buffer> {
  const [settings, logo] = await Promise.all([loadSettings(platform), loadLogo(platform)]);
  const t = (key: string, values?: Record<string, unknown>) =>
    translate(language, `ui.bakery.sale_pdf.${key}`, values);
  const docs = sale.documents;
  const documentsLine = docs
    ? [docs.previous_return?.code, docs.pedido?.code, ...docs.extras.map((e) => e.code), docs.return?.code]
        .filter(Boolean)
        .join(', ')
    : t('annulled');
  const currency = currencyOf(settings.currency);
  const money = (major: number) => formatMoney(Math.round(major * 100), currency);
  return renderTablePdf({
    issuer: settings.name,
    title: t('title', { seller: sale.seller_name }),
    subtitle: `${t('date', { date: sale.date })} · ${documentsLine}`,
    columns: [
      { key: 'code', header: t('code'), kind: 'text', width: 1.2 },
      { key: 'name', header: t('product'), kind: 'text', width: 1.8 },
      { key: 'quantity', header: t('quantity'), kind: 'integer', width: 0.6 },
      { key: 'price', header: t('price'), kind: 'money', width: 1.1 },
      { key: 'value', header: t('value'), kind: 'money', width: 1.3 },
      { key: 'percent', header: '%', kind: 'percent', width: 0.7 },
      { key: 'commission', header: t('commission'), kind: 'money', width: 1.2 },
      { key: 'payable', header: t('payable'), kind: 'money', width: 1.3 },
    ],
    rows: sale.lines.map((l) => ({
      code: l.product_code,
      name: l.product_name,
      quantity: l.quantity,
      price: l.price,
      value: l.value,
      percent: l.commission_percent,
      commission: l.commission,
      payable: l.payable,
    })),
    totalColumns: ['quantity', 'value', 'commission', 'payable'],
    totalsLabel: t('totals'),
    currency,
    logo,
    footer: t('footer', {
      panaderia: money(sale.by_category.panaderia.value),
      bizcocheria: money(sale.by_category.bizcocheria.value),
    }),
  });
}
