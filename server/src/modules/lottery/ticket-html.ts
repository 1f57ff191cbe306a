import { pngDataUri, renderBarcodePng } from './ticket-barcode.ts';
import { marksOf, type PrintFormat, type TicketPrintModel } from './ticket-print-model.ts';

/** Paper width and printable width of each format, in millimetres. */
export const PAPER: Record<PrintFormat, { paper: number; printable: number }> = {
  thermal_58mm: { paper: 58, printable: 48 },
  thermal_80mm: { paper: 80, printable: 72 },
  A4: { paper: 210, printable: 120 },
};

const ROLL_PAGE_LENGTH = 297;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function css(format: PrintFormat): string {
  const { paper, printable } = PAPER[format];
  const thermal = format !== 'A4';
  const fontPt = format === 'thermal_58mm' ? 8 : format === 'thermal_80mm' ? 9.5 : 11;
  // A page size takes lengths only ("58mm auto" is dropped, and Chromium prints on Letter): a roll
  // page is the roll's width by the 297 mm its drivers use, and the print page fits it to the ticket.
  return `
@page { size: ${thermal ? `${paper}mm ${ROLL_PAGE_LENGTH}mm` : 'A4'}; margin: ${thermal ? '0' : '15mm'}; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font: ${fontPt}pt/1.25 "DejaVu Sans Mono", "Courier New", monospace; }
.ticket { width: ${printable}mm; margin: 0 auto; padding: ${thermal ? '2mm 0 4mm' : '6mm'}; ${thermal ? '' : 'border: 1px solid #000;'} }
.copy + .copy { break-before: page; page-break-before: always; }
.c { text-align: center; } .b { font-weight: bold; } .big { font-size: 1.35em; }
.rule { border-top: 1px dashed #000; margin: 1.5mm 0; }
.mark { border: 1.5px solid #000; text-align: center; font-weight: bold; padding: 0.5mm; margin: 1mm 0; }
table { width: 100%; border-collapse: collapse; }
td { padding: 0.2mm 0; vertical-align: top; }
td.r { text-align: right; white-space: nowrap; }
td.n { font-weight: bold; padding: 0.2mm 1.5mm; white-space: nowrap; }
tr.draw td { font-weight: bold; padding-top: 1mm; border-bottom: 1px solid #000; }
.sub { font-size: 0.85em; }
.row { display: flex; justify-content: space-between; gap: 2mm; }
.codes { text-align: center; margin: 1.5mm 0; }
.codes img { image-rendering: pixelated; }
.bar { width: 100%; height: ${thermal ? 12 : 16}mm; }
.qr { width: ${format === 'thermal_58mm' ? 22 : 28}mm; height: auto; }
.winner td { font-weight: bold; }
@media screen { body { background: #e9ecef; padding: 4mm 0; } .ticket { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); margin-bottom: 4mm; } }
`;
}

function lineRows(model: TicketPrintModel): string {
  return model.draws
    .map(
      (draw) =>
        `<tr class="draw" data-testid="print-draw"><td colspan="3">${escapeHtml(`${draw.lottery} ${draw.when}`)}</td></tr>${draw.lines
          .map(
            (line) =>
              `<tr${line.winner ? ' class="winner"' : ''}><td class="n">${escapeHtml(line.number)}</td><td class="sub">${escapeHtml(line.betType)}</td><td class="r">${escapeHtml(line.amount)}</td></tr>${
                line.notes.length
                  ? `<tr><td></td><td colspan="2" class="sub b">${escapeHtml(line.notes.join(' · '))}</td></tr>`
                  : ''
              }`,
          )
          .join('')}`,
    )
    .join('');
}

function copyHtml(model: TicketPrintModel, barcode: string, qr: string, copy: number): string {
  const { labels } = model;
  const marks = marksOf(model, copy);
  const row = (label: string, value: string, cls = '') =>
    `<div class="row ${cls}"><span>${escapeHtml(label)}</span><span>${escapeHtml(value)}</span></div>`;
  return `<section class="ticket copy" data-testid="print-ticket">
<div class="c b big">${escapeHtml(model.banca)}</div>
<div class="c">${escapeHtml(model.owner)}</div>
${marks.map((m) => `<div class="mark" data-testid="print-mark">${escapeHtml(m)}</div>`).join('')}
<div class="rule"></div>
<div>${escapeHtml(labels.ticket)}: <span class="b" data-testid="print-code">${escapeHtml(model.code)}</span></div>
<div>${escapeHtml(labels.date)}: ${escapeHtml(model.date)}</div>
<div>${escapeHtml(labels.seller)}: ${escapeHtml(model.seller)}</div>
<div class="rule"></div>
<table data-testid="print-lines">${lineRows(model)}</table>
<div class="rule"></div>
${row(`${labels.subtotal}:`, model.subtotal)}
${model.discount ? row(`${model.discount.label}:`, model.discount.amount) : ''}
${model.multiplier ? row(`${labels.multiplier}:`, model.multiplier) : ''}
${row(`${labels.total}:`, model.total, 'b big')}
<div class="rule"></div>
<div class="codes"><img class="bar" alt="${escapeHtml(model.code)}" src="${barcode}"><div class="sub">${escapeHtml(model.code)}</div></div>
<div class="codes"><img class="qr" alt="QR" src="${qr}"></div>
<div class="rule"></div>
<div>${escapeHtml(labels.validUntil)}: ${escapeHtml(model.validUntil)}</div>
<div class="sub">${escapeHtml(model.expiryNote)}</div>
${
  model.prizeTable?.length
    ? `<div class="rule"></div><div class="b">${escapeHtml(labels.prizes)}:</div>${model.prizeTable
        .map((p) => `<div class="sub">${escapeHtml(p.betType)}: ${escapeHtml(p.prizes)}</div>`)
        .join('')}`
    : ''
}
${model.footerLines.map((l) => `<div class="c sub">${escapeHtml(l)}</div>`).join('')}
<div class="c b big">${escapeHtml(labels.goodLuck)}</div>
</section>`;
}

/** The print-ready page of a ticket: the banca's roll width (or A4), one section per copy. */
export async function renderTicketHtml(model: TicketPrintModel): Promise<string> {
  const [barcode, qr] = await Promise.all([
    renderBarcodePng('code128', model.code).then(pngDataUri),
    renderBarcodePng('qr', model.qr).then(pngDataUri),
  ]);
  const copies = model.preview ? 1 : model.copies;
  const sections = Array.from({ length: copies }, (_, i) => copyHtml(model, barcode, qr, i + 1)).join('\n');
  return `<!doctype html>
<html lang="${model.labels.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.labels.ticket)} ${escapeHtml(model.code)}</title><style>${css(model.format)}</style></head>
<body data-format="${model.format}">
${sections}
</body></html>`;
}
