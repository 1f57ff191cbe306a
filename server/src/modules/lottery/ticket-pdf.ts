import PDFDocument from 'pdfkit';
import { renderBarcodePng } from './ticket-barcode.ts';
import { marksOf, type PrintFormat, type TicketPrintModel } from './ticket-print-model.ts';

const MM = 72 / 25.4;
/** Page widths in points: exactly the roll width for thermal paper, A4 otherwise. */
export const PDF_PAGE_WIDTH: Record<PrintFormat, number> = {
  thermal_58mm: 58 * MM,
  thermal_80mm: 80 * MM,
  A4: 595.28,
};
const A4_HEIGHT = 841.89;

interface Layout {
  width: number;
  margin: number;
  font: number;
}

function layoutOf(format: PrintFormat): Layout {
  if (format === 'thermal_58mm') return { width: PDF_PAGE_WIDTH[format], margin: 4 * MM, font: 7 };
  if (format === 'thermal_80mm') return { width: PDF_PAGE_WIDTH[format], margin: 4 * MM, font: 8.5 };
  return { width: PDF_PAGE_WIDTH.A4, margin: 45 * MM, font: 10 };
}

/** Draws one copy from the top of the current page; returns the y where it ended. */
function drawCopy(
  doc: PDFKit.PDFDocument,
  model: TicketPrintModel,
  layout: Layout,
  images: { bar: Buffer; qr: Buffer },
  copy: number,
  top: number,
): number {
  const { margin, font } = layout;
  const usable = layout.width - margin * 2;
  let y = top;
  const text = (
    value: string,
    options: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {},
  ) => {
    doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(options.size ?? font)
      .text(value, margin, y, { width: usable, align: options.align ?? 'left' });
    y = doc.y + 1;
  };
  const pair = (left: string, right: string, bold = false, size = font) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const height = doc.heightOfString(left, { width: usable * 0.6 });
    doc.text(left, margin, y, { width: usable * 0.6, lineBreak: true });
    doc.text(right, margin + usable * 0.4, y, { width: usable * 0.6, align: 'right', lineBreak: false });
    y += height + 1;
  };
  const rule = () => {
    y += 2;
    doc
      .moveTo(margin, y)
      .lineTo(margin + usable, y)
      .dash(2, { space: 2 })
      .lineWidth(0.5)
      .stroke('#000')
      .undash();
    y += 3;
  };

  doc.fillColor('#000');
  text(model.banca, { bold: true, size: font * 1.3, align: 'center' });
  text(model.owner, { align: 'center' });
  const { labels } = model;
  for (const mark of marksOf(model, copy)) text(mark, { bold: true, align: 'center' });
  rule();
  text(`${labels.ticket}: ${model.code}`, { bold: true });
  text(`${labels.date}: ${model.date}`);
  text(`${labels.seller}: ${model.seller}`);
  rule();
  const amountWidth = usable * 0.38;
  const indent = font * 0.6;
  for (const draw of model.draws) {
    text(`${draw.lottery} ${draw.when}`, { bold: true });
    for (const line of draw.lines) {
      doc.font('Helvetica-Bold').fontSize(font);
      const number = `${line.number} `;
      const numberWidth = doc.widthOfString(number);
      doc.text(number, margin + indent, y, { lineBreak: false });
      doc.font('Helvetica').text(line.betType, margin + indent + numberWidth, y, {
        width: Math.max(1, usable - indent - numberWidth - amountWidth),
      });
      const below = doc.y + 1;
      doc.text(line.amount, margin + usable - amountWidth, y, {
        width: amountWidth,
        align: 'right',
        lineBreak: false,
      });
      y = Math.max(y + font + 2, below);
      if (line.notes.length) {
        doc
          .font('Helvetica-Bold')
          .fontSize(font * 0.85)
          .text(line.notes.join(' · '), margin + indent * 2, y, { width: usable - indent * 2 });
        y = doc.y + 1;
      }
    }
  }
  rule();
  pair(`${labels.subtotal}:`, model.subtotal);
  if (model.discount) pair(`${model.discount.label}:`, model.discount.amount);
  if (model.multiplier) pair(`${labels.multiplier}:`, model.multiplier);
  pair(`${labels.total}:`, model.total, true, font * 1.3);
  rule();
  const barWidth = Math.min(usable, 80 * MM);
  const barHeight = Math.min(16 * MM, 12 * MM * (layout.width / PDF_PAGE_WIDTH.thermal_58mm));
  doc.image(images.bar, margin + (usable - barWidth) / 2, y, { width: barWidth, height: barHeight });
  y += barHeight + 2;
  text(model.code, { align: 'center', size: font * 0.9 });
  const qrSize = Math.min(usable * 0.5, 30 * MM);
  doc.image(images.qr, margin + (usable - qrSize) / 2, y, { width: qrSize, height: qrSize });
  y += qrSize + 2;
  rule();
  text(`${labels.validUntil}: ${model.validUntil}`);
  text(model.expiryNote, { size: font * 0.85 });
  if (model.prizeTable?.length) {
    rule();
    text(`${labels.prizes}:`, { bold: true });
    for (const row of model.prizeTable) text(`${row.betType}: ${row.prizes}`, { size: font * 0.85 });
  }
  for (const footer of model.footerLines) text(footer, { align: 'center', size: font * 0.9 });
  text(labels.goodLuck, { bold: true, size: font * 1.3, align: 'center' });
  return y;
}

/**
 * The ticket as a PDF: on thermal formats one page per copy, exactly the roll's width and as tall
 * as the ticket (measured in a first pass); on A4 one page per copy.
 */
export async function renderTicketPdf(model: TicketPrintModel): Promise<Buffer> {
  const layout = layoutOf(model.format);
  const images = {
    bar: await renderBarcodePng('code128', model.code),
    qr: await renderBarcodePng('qr', model.qr),
  };
  const thermal = model.format !== 'A4';
  let height = A4_HEIGHT;
  if (thermal) {
    const probe = new PDFDocument({ size: [layout.width, 10_000], margin: 0, autoFirstPage: true });
    height = Math.ceil(drawCopy(probe, model, layout, images, 1, layout.margin) + layout.margin);
    probe.end();
  }
  const doc = new PDFDocument({
    size: [layout.width, height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: `${model.labels.ticket} ${model.code}`, Author: model.banca },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const copies = model.preview ? 1 : model.copies;
  for (let copy = 1; copy <= copies; copy++) {
    doc.addPage({ size: [layout.width, height], margin: 0 });
    drawCopy(doc, model, layout, images, copy, thermal ? layout.margin : 40);
  }
  doc.end();
  return done;
}
