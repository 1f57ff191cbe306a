/** A table to export: the same description feeds the PDF and the Excel writers. */
export type ColumnKind = 'text' | 'integer' | 'money' | 'percent';

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Relative width; the writers share the page or sheet width by these weights. */
  width?: number;
}

export type ReportCell = string | number | null;
export type ReportRow = Record<string, ReportCell>;

export interface TabularReport {
  title: string;
  subtitle?: string;
  /** Business name shown above the title. */
  issuer?: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Keys of the columns to total (integer or money); other total cells hold `totalsLabel` or nothing. */
  totalColumns?: string[];
  totalsLabel?: string;
  /** Money columns hold major units (1500.5); formatted with this symbol and locale. */
  currency: { symbol: string; locale: string };
  logo?: { bytes: Buffer; mime: 'image/png' | 'image/jpeg' } | null;
  footer?: string;
}

export function totalsOf(report: TabularReport): ReportRow | null {
  if (!report.totalColumns?.length) return null;
  const totals: ReportRow = {};
  for (const key of report.totalColumns) {
    const cents = report.rows.reduce((sum, row) => sum + Math.round(Number(row[key] ?? 0) * 100), 0);
    totals[key] = cents / 100;
  }
  const firstText = report.columns.find((c) => !report.totalColumns?.includes(c.key));
  if (firstText && report.totalsLabel) totals[firstText.key] = report.totalsLabel;
  return totals;
}
