import { formatMoney } from '@matriz/shared/money';
import PDFDocument from 'pdfkit';
import { type ReportCell, type ReportColumn, type TabularReport, totalsOf } from './report.ts';

/** Media carta (half-letter) portrait, in points. */
export const HALF_LETTER: [number, number] = [396, 612];

const MARGIN = 24;
const FONT_SIZE = 7.5;
const ROW_HEIGHT = 13;
const HEADER_FILL = '#e9ecef';
const STRIPE_FILL = '#f8f9fa';

function formatCell(value: ReportCell, column: ReportColumn, report: TabularReport): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'money':
      return formatMoney(Math.round(value * 100), report.currency);
    case 'percent':
      return `${value.toLocaleString(report.currency.locale, { maximumFractionDigits: 2 })} %`;
    case 'integer':
      return value.toLocaleString(report.currency.locale);
    default:
      return String(value);
  }
}

/**
 * A clear one-table report on half-letter paper: logo and issuer, title, subtitle, a header row
 * repeated on every page, striped rows, a bold totals row and "página x de y" at the foot.
 */
export function renderTablePdf(report: TabularReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: HALF_LETTER,
    margin: MARGIN,
    bufferPages: true,
    info: { Title: report.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const usable = HALF_LETTER[0] - MARGIN * 2;
  const weights = report.columns.map((c) => c.width ?? (c.kind === 'text' ? 2 : 1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / weightSum) * usable);
  const bottom = HALF_LETTER[1] - MARGIN - 14;

  let y = MARGIN;
  if (report.logo) {
    doc.image(report.logo.bytes, MARGIN, y, { fit: [70, 40] });
  }
  const textLeft = report.logo ? MARGIN + 80 : MARGIN;
  if (report.issuer)
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#212529').text(report.issuer, textLeft, y);
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#212529')
    .text(report.title, textLeft, report.issuer ? y + 13 : y);
  if (report.subtitle)
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#495057')
      .text(report.subtitle, textLeft, doc.y + 1);
  y = Math.max(doc.y, report.logo ? MARGIN + 40 : 0) + 8;

  const drawRow = (cells: string[], options: { bold?: boolean; fill?: string }) => {
    if (options.fill) doc.rect(MARGIN, y, usable, ROW_HEIGHT).fill(options.fill);
    doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(FONT_SIZE)
      .fillColor('#212529');
    let x = MARGIN;
    cells.forEach((text, i) => {
      const align = report.columns[i].kind === 'text' ? 'left' : 'right';
      doc.text(text, x + 2, y + 3, {
        width: widths[i] - 4,
        align,
        lineBreak: false,
        ellipsis: true,
        height: ROW_HEIGHT,
      });
      x += widths[i];
    });
    y += ROW_HEIGHT;
  };
  const header = () =>
    drawRow(
      report.columns.map((c) => c.header),
      { bold: true, fill: HEADER_FILL },
    );

  header();
  report.rows.forEach((row, index) => {
    if (y + ROW_HEIGHT > bottom) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    drawRow(
      report.columns.map((c) => formatCell(row[c.key], c, report)),
      { fill: index % 2 === 1 ? STRIPE_FILL : undefined },
    );
  });
  const totals = totalsOf(report);
  if (totals) {
    if (y + ROW_HEIGHT > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + usable, y)
      .lineWidth(0.8)
      .stroke('#495057');
    drawRow(
      report.columns.map((c) => formatCell(totals[c.key] ?? null, c, report)),
      { bold: true },
    );
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The foot sits inside the bottom margin; without this pdfkit would flow it onto a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(6.5).fillColor('#6c757d');
    const foot = `${report.footer ? `${report.footer} · ` : ''}Página ${i + 1} de ${range.count}`;
    doc.text(foot, MARGIN, HALF_LETTER[1] - MARGIN - 6, { width: usable, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
