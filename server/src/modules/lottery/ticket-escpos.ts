import { marksOf, type TicketPrintModel } from './ticket-print-model.ts';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** ESC @: the printer's init sequence, first bytes of every stream. */
export const ESCPOS_INIT = Buffer.from([ESC, 0x40]);
/** GS V 66 3: feed three lines and cut (partial cut). */
export const ESCPOS_CUT = Buffer.from([GS, 0x56, 0x42, 0x03]);

/** Characters per line in font A: 32 on 58 mm paper, 48 on 80 mm. */
export function columnsOf(format: TicketPrintModel['format']): number {
  return format === 'thermal_58mm' ? 32 : 48;
}

/** Code page 1252 ("WPC1252", ESC t 16) covers á é í ó ú ñ ¡ ¿; anything else becomes '?'. */
function encode(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (char === '—' || char === '–') bytes.push(0x2d);
    else if (char === '·') bytes.push(0xb7);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

class Stream {
  private parts: Buffer[] = [];
  raw(...bytes: number[]) {
    this.parts.push(Buffer.from(bytes));
    return this;
  }
  buffer(buffer: Buffer) {
    this.parts.push(buffer);
    return this;
  }
  align(where: 'left' | 'center' | 'right') {
    return this.raw(ESC, 0x61, where === 'left' ? 0 : where === 'center' ? 1 : 2);
  }
  bold(on: boolean) {
    return this.raw(ESC, 0x45, on ? 1 : 0);
  }
  size(double: boolean) {
    return this.raw(GS, 0x21, double ? 0x11 : 0x00);
  }
  line(text = '') {
    this.parts.push(encode(text), Buffer.from([LF]));
    return this;
  }
  toBuffer() {
    return Buffer.concat(this.parts);
  }
}

function pairLine(left: string, right: string, width: number): string {
  const space = Math.max(1, width - left.length - right.length);
  return `${left}${' '.repeat(space)}${right}`.slice(0, Math.max(width, left.length + 1 + right.length));
}

/**
 * The ticket as raw ESC/POS for thermal printers: init, code page 1252, the same content as the
 * printed page, a Code128 barcode (GS k 73) and a QR (GS ( k) printed by the printer itself, then
 * feed and cut — once per copy.
 */
export function renderTicketEscpos(model: TicketPrintModel): Buffer {
  const width = columnsOf(model.format);
  const rule = '-'.repeat(width);
  const { labels } = model;
  const out = new Stream().buffer(ESCPOS_INIT).raw(ESC, 0x74, 16);
  const copies = model.preview ? 1 : model.copies;
  for (let copy = 1; copy <= copies; copy++) {
    out.align('center').bold(true).size(true).line(model.banca).size(false).bold(false).line(model.owner);
    out.bold(true);
    for (const mark of marksOf(model, copy)) out.line(`*** ${mark} ***`);
    out.bold(false).align('left').line(rule);
    out.bold(true).line(`${labels.ticket}: ${model.code}`).bold(false);
    out.line(`${labels.date}: ${model.date}`).line(`${labels.seller}: ${model.seller}`).line(rule);
    for (const draw of model.draws) {
      const lottery = draw.lottery.slice(0, Math.max(1, width - draw.when.length - 1));
      out.bold(true).line(`${lottery} ${draw.when}`).bold(false);
      for (const line of draw.lines) {
        const play = ` ${line.number} ${line.betType}`;
        if (play.length + 1 + line.amount.length <= width) out.line(pairLine(play, line.amount, width));
        else
          out
            .line(pairLine(` ${line.number}`, line.amount, width))
            .line(`   ${line.betType}`.slice(0, width));
        for (const note of line.notes) out.line(`   ${note}`);
      }
    }
    out.line(rule).line(pairLine(`${labels.subtotal}:`, model.subtotal, width));
    if (model.discount) out.line(pairLine(`${model.discount.label}:`, model.discount.amount, width));
    if (model.multiplier) out.line(pairLine(`${labels.multiplier}:`, model.multiplier, width));
    out
      .bold(true)
      .line(pairLine(`${labels.total}:`, model.total, width))
      .bold(false)
      .line(rule);

    // Code128, code set B: GS h height, GS w module width, GS H text below, GS k 73 n {B data.
    const data = encode(`{B${model.code}`);
    out.align('center').raw(GS, 0x68, 80).raw(GS, 0x77, 2).raw(GS, 0x48, 2);
    out.raw(GS, 0x6b, 73, data.length).buffer(data).line();
    // QR model 2: module size, error level M, store, print.
    const qr = encode(model.qr);
    const storeLength = qr.length + 3;
    out.raw(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00);
    out.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, model.format === 'thermal_58mm' ? 5 : 6);
    out.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31);
    out.raw(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30).buffer(qr);
    out.raw(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30).line();
    out.align('left').line(`${labels.validUntil}: ${model.validUntil}`).line(model.expiryNote);
    if (model.prizeTable?.length) {
      out.line(rule).bold(true).line(`${labels.prizes}:`).bold(false);
      for (const row of model.prizeTable) out.line(`${row.betType}: ${row.prizes}`);
    }
    out.align('center');
    for (const footer of model.footerLines) out.line(footer);
    out.bold(true).size(true).line(labels.goodLuck).size(false).bold(false).align('left');
    out.raw(LF, LF).buffer(ESCPOS_CUT);
  }
  return out.toBuffer();
}
