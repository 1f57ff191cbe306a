import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { describeEngines, type TestApp } from '../../../test/harness.ts';
import { lotteryDb } from './db.ts';
import { ESCPOS_CUT, ESCPOS_INIT, renderTicketEscpos } from './ticket-escpos.ts';
import { renderTicketHtml } from './ticket-html.ts';
import { PDF_PAGE_WIDTH, renderTicketPdf } from './ticket-pdf.ts';
import { formatPrintDate, printLabels, type TicketPrintModel } from './ticket-print-model.ts';

const THURSDAY_MORNING = '2026-01-29T14:00:00Z';

const SALE = {
  configuration: { global_multiplier: 1, global_discount: 10 },
  lines: [
    { lottery_code: 'REAL', bet_number: '23', bet_amount: 100 },
    { lottery_code: 'REAL', bet_number: '2345', bet_amount: 50 },
    { lottery_code: 'NACIONAL', bet_number: '456789', bet_amount: 25 },
  ],
};

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'matriz-print-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfText(pdf: Buffer): string {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 't.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 't.pdf'), '-'], { encoding: 'utf8' });
  });
}

/** Renders the PDF's first page at 300 dpi and reads every barcode on it with zbar. */
function decodePdfBarcodes(pdf: Buffer): string[] {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 't.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', join(dir, 't.pdf'), join(dir, 'p')]);
    const pages = execFileSync('sh', ['-c', `ls ${dir}/p*.png`], { encoding: 'utf8' })
      .trim()
      .split('\n');
    return decodePng(pages[0]);
  });
}

function decodePng(path: string): string[] {
  const out = execFileSync('zbarimg', ['-q', '--raw', path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.trim().split('\n');
}

function pageWidths(pdf: Buffer): number[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) =>
    Number(m[1]),
  );
}

/** Each page's size in points, as poppler reads it. */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 't.pdf'), pdf);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', join(dir, 't.pdf')], { encoding: 'utf8' });
    return [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
  });
}

/** What Chromium makes of a page when printing it, honouring the page's own CSS page size. */
function chromiumPdf(html: string): Buffer {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 't.html'), html);
    execFileSync(
      process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${join(dir, 't.pdf')}`,
        `file://${join(dir, 't.html')}`,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    return readFileSync(join(dir, 't.pdf'));
  });
}

/** The text lines an ESC/POS stream prints from the line holding `from` to the one before `to`, without bold. */
function escposLines(bytes: Buffer, from: string, to: string): string[] {
  const text = bytes.toString('latin1');
  const section = text.slice(text.indexOf(from), text.indexOf(to));
  // ESC E n (bold) is the only command between the seller and the subtotal.
  const plain = section
    .split('\x1b')
    .map((part, i) => (i === 0 ? part : part.slice(2)))
    .join('');
  return plain.split('\n').slice(1, -1);
}

const get = (app: TestApp, cookie: string, path: string) =>
  app.app.inject({ method: 'GET', url: `/api/v1/lottery/tickets/${path}`, headers: { cookie } });

const post = (app: TestApp, cookie: string, path: string, payload: object = {}) =>
  app.app.inject({ method: 'POST', url: `/api/v1/lottery/tickets/${path}`, headers: { cookie }, payload });

/** ANGUILLA's 13:00, 18:00 and 21:00 today (its 10:00 has closed) and tomorrow's 10:00. */
async function anguillaDraws(app: TestApp): Promise<string[]> {
  const draws = await lotteryDb(app.platform.db)
    .selectFrom('lottery_draws as d')
    .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
    .select(['d.id', 'd.draw_date', 'd.draw_time'])
    .where('l.code', '=', 'ANGUILLA')
    .where('d.close_at', '>', app.clock.now().toISOString())
    .orderBy('d.draw_at')
    .limit(4)
    .execute();
  expect(draws.map((d) => `${d.draw_date} ${d.draw_time}`)).toEqual([
    '2026-01-29 13:00',
    '2026-01-29 18:00',
    '2026-01-29 21:00',
    '2026-01-30 10:00',
  ]);
  return draws.map((d) => d.id);
}

async function sell(app: TestApp, cookie: string, body: object = SALE): Promise<string> {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/v1/lottery/tickets',
    headers: { cookie },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().ticket.ticket_code as string;
}

describeEngines(
  'impresión de tickets',
  (t) => {
    it('58 mm and 80 mm PDFs: exact roll width; code, every line and the total in the text; the barcode decodes', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const code = await sell(app, juan);
      for (const format of ['thermal_58mm', 'thermal_80mm'] as const) {
        const response = await app.app.inject({
          method: 'GET',
          url: `/api/v1/lottery/tickets/${code}/pdf?format=${format}`,
          headers: { cookie: juan },
        });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.headers['content-type']).toContain('application/pdf');
        const pdf = response.rawPayload;
        const widths = pageWidths(pdf);
        expect(widths.length).toBeGreaterThan(0);
        for (const width of widths) expect(width).toBeCloseTo(PDF_PAGE_WIDTH[format], 2);
        expect(PDF_PAGE_WIDTH[format]).toBeCloseTo((format === 'thermal_58mm' ? 58 : 80) * (72 / 25.4), 3);
        const text = pdfText(pdf);
        expect(text).toContain(code);
        for (const expected of [
          'REAL',
          'NACIONAL',
          '23',
          '2345',
          '456789',
          'RD$100.00',
          'RD$50.00',
          'RD$25.00',
        ])
          expect(text).toContain(expected);
        expect(text).toContain('RD$157.50'); // 175 − 10 %
        expect(text).toContain('Descuento 10%');
        expect(text).toContain('¡SUERTE!');
        expect(text).toContain('Válido hasta');
        const decoded = decodePdfBarcodes(pdf);
        expect(decoded).toContain(code);
        expect(decoded.some((d) => d.startsWith(`MTZ1:${code}:`))).toBe(true);
      }
      // The app's download link carries `lang`; the ticket is the customer's and stays in Spanish.
      const a4 = await app.app.inject({
        method: 'GET',
        url: `/api/v1/lottery/tickets/${code}/pdf?format=A4&lang=en`,
        headers: { cookie: juan },
      });
      expect(a4.statusCode, a4.body).toBe(200);
      expect(pageWidths(a4.rawPayload)[0]).toBeCloseTo(595.28, 1);
      expect(pdfText(a4.rawPayload)).toContain('¡SUERTE!');
    });

    it('ESC/POS: starts with the init sequence, carries the code and ends with the cut', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const code = await sell(app, juan);
      const response = await app.app.inject({
        method: 'GET',
        url: `/api/v1/lottery/tickets/${code}/escpos`,
        headers: { cookie: juan },
      });
      expect(response.statusCode, response.body).toBe(200);
      const bytes = response.rawPayload;
      expect(bytes.subarray(0, 2).equals(ESCPOS_INIT)).toBe(true);
      expect(bytes.includes(Buffer.from(code, 'latin1'))).toBe(true);
      expect(bytes.includes(ESCPOS_CUT)).toBe(true);
      expect(bytes.subarray(bytes.length - ESCPOS_CUT.length).equals(ESCPOS_CUT)).toBe(true);
      expect(bytes.includes(Buffer.from('TOTAL:', 'latin1'))).toBe(true);
      expect(bytes.includes(Buffer.from('¡SUERTE!', 'latin1'))).toBe(true);
    });

    it("tickets print in the operator's ticket language, not the seller's screen's: Spanish by default, English once chosen (page, PDF, ESC/POS, previews)", async () => {
      const app = t();
      const juan = await app.login('juan001');
      const admin = await app.login('admin');
      const code = await sell(app, juan);
      const english = [
        'Seller:',
        'Date:',
        'Valid until:',
        'GOOD LUCK!',
        'Straight (quiniela)',
        'Discount 10%',
        'Prizes are paid up to',
      ];
      const spanish = [
        'Vendedor:',
        'Fecha:',
        'Válido hasta:',
        '¡SUERTE!',
        'Directo',
        'Descuento 10%',
        'Los premios se cobran',
      ];
      const asEnglishApp = (path: string) =>
        app.app.inject({
          method: 'GET',
          url: `/api/v1/lottery/tickets/${path}`,
          headers: { cookie: juan, 'accept-language': 'en-US,en;q=0.9' },
        });
      const first = await asEnglishApp(`${code}/print?lang=en`);
      expect(first.body).toContain('<html lang="es">');
      for (const word of spanish) expect(first.body).toContain(word);

      const settings = async (ticket_language: 'es' | 'en') => {
        const current = (
          await app.app.inject({ method: 'GET', url: '/api/v1/lottery/settings', headers: { cookie: admin } })
        ).json();
        const saved = await app.app.inject({
          method: 'PUT',
          url: '/api/v1/lottery/settings',
          headers: { cookie: admin },
          payload: { ...current.settings, ticket_language },
        });
        expect(saved.statusCode, saved.body).toBe(200);
      };
      await settings('en');
      try {
        const page = await get(app, juan, `${code}/print?copies=2`);
        expect(page.statusCode, page.body).toBe(200);
        expect(page.body).toContain('<html lang="en">');
        for (const word of [...english, 'COPY 2 OF 2', 'REPRINT 1']) expect(page.body).toContain(word);
        for (const word of spanish) expect(page.body).not.toContain(word);
        expect(page.body).toMatch(/Date: \d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} (AM|PM)/);
        const pdf = pdfText((await get(app, juan, `${code}/pdf?format=thermal_80mm&lang=es`)).rawPayload);
        for (const word of ['Seller:', 'GOOD LUCK!', 'REPRINT 2']) expect(pdf).toContain(word);
        const escpos = (await get(app, juan, `${code}/escpos`)).rawPayload;
        for (const word of ['Seller:', 'GOOD LUCK!', 'REPRINT 3'])
          expect(escpos.includes(Buffer.from(word, 'latin1')), word).toBe(true);
        expect((await get(app, juan, `${code}/preview`)).body).toContain('PREVIEW — NOT VALID');
        const before = await post(app, juan, 'preview', SALE);
        expect(before.json().html).toContain('Straight (quiniela)');
      } finally {
        await settings('es');
      }
      const spanishAgain = await get(app, juan, `${code}/print`);
      for (const word of [...spanish, 'REIMPRESIÓN 4']) expect(spanishAgain.body).toContain(word);
    });

    it('print page and barcode images: roll CSS, the lines, and a Code128 that decodes to the code', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const code = await sell(app, juan);
      const page = await app.app.inject({
        method: 'GET',
        url: `/api/v1/lottery/tickets/${code}/print?format=thermal_58mm&copies=2`,
        headers: { cookie: juan },
      });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('size: 58mm 297mm');
      expect(page.body).toContain(code);
      expect(page.body).toContain('COPIA 2 DE 2');
      expect(page.body.match(/data-testid="print-ticket"/g)).toHaveLength(2);
      expect(page.body).toContain('RD$157.50');
      expect(page.body).not.toContain('REIMPRESIÓN');
      for (const type of ['code128', 'qr']) {
        const png = await app.app.inject({
          method: 'GET',
          url: `/api/v1/lottery/tickets/${code}/barcode.png?type=${type}`,
          headers: { cookie: juan },
        });
        expect(png.statusCode).toBe(200);
        expect(png.headers['content-type']).toBe('image/png');
        const decoded = withTempDir((dir) => {
          writeFileSync(join(dir, 'b.png'), png.rawPayload);
          return decodePng(join(dir, 'b.png'));
        });
        expect(decoded[0]).toBe(type === 'qr' ? `MTZ1:${code}:${decoded[0].split(':')[2]}` : code);
      }
      // A seller of another banca does not see it.
      const other = await app.login('maria011');
      const hidden = await app.app.inject({
        method: 'GET',
        url: `/api/v1/lottery/tickets/${code}/print`,
        headers: { cookie: other },
      });
      expect(hidden.statusCode).toBe(404);
    });

    it('reprint counts with a conditional update, audits, and prints REIMPRESIÓN n', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const code = await sell(app, juan);
      const original = await get(app, juan, `${code}/print`);
      expect(original.body).not.toContain('REIMPRESIÓN');
      const reprint = () => post(app, juan, `${code}/reprint`);
      const [a, b] = await Promise.all([reprint(), reprint()]);
      expect(a.statusCode, a.body).toBe(200);
      expect(b.statusCode, b.body).toBe(200);
      expect([a.json().reprint_count, b.json().reprint_count].sort()).toEqual([1, 2]);
      const page = await get(app, juan, `${code}/print`);
      expect(page.body).toContain('REIMPRESIÓN 3');
      const audits = await app.platform.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('action', '=', 'reprint')
        .execute();
      expect(audits.length).toBeGreaterThanOrEqual(2);
      const cancel = await post(app, juan, `${code}/cancel`, { reason: 'cliente se equivocó' });
      expect(cancel.statusCode, cancel.body).toBe(200);
      const refused = await reprint();
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('TICKET_NOT_REPRINTABLE');
    });

    it('each draw heads its own plays (lottery, time, the date when not the sale day): page, 58 mm PDF, ESC/POS in 32 columns, preview', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const sale = { entry: '23 100\n2345 50', draw_ids: await anguillaDraws(app) };
      const code = await sell(app, juan, sale);
      const headings = ['ANGUILLA 13:00', 'ANGUILLA 18:00', 'ANGUILLA 21:00', 'ANGUILLA 10:00 30/01'];
      const underEachHeading = (rows: string[]) => {
        const starts = headings.map((heading) => rows.indexOf(heading));
        expect(starts, rows.join('\n')).toEqual([...starts].sort((a, b) => a - b));
        for (const start of starts) {
          expect(start, rows.join('\n')).toBeGreaterThanOrEqual(0);
          expect(rows[start + 1]).toMatch(/^23 +Directo +RD\$100\.00$/);
          expect(rows[start + 2]).toMatch(/^2345 +Palé +RD\$50\.00$/);
        }
      };

      const pdf = await get(app, juan, `${code}/pdf?format=thermal_58mm`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      underEachHeading(
        pdfText(pdf.rawPayload)
          .split('\n')
          .map((row) => row.trim()),
      );

      const escpos = await get(app, juan, `${code}/escpos?format=thermal_58mm`);
      const rows = escposLines(escpos.rawPayload, 'Vendedor:', 'Subtotal:').filter(
        (row) => !/^-+$/.test(row),
      );
      for (const row of rows) expect(row.length, row).toBeLessThanOrEqual(32);
      underEachHeading(rows.map((row) => row.trim()));

      const page = await get(app, juan, `${code}/print?format=thermal_58mm`);
      expect(
        [...page.body.matchAll(/data-testid="print-draw"><td colspan="3">([^<]+)</g)].map((m) => m[1]),
      ).toEqual(headings);

      const preview = await post(app, juan, 'preview', sale);
      expect(preview.statusCode, preview.body).toBe(200);
      const draws: { lottery: string; when: string; lines: unknown[] }[] = preview.json().preview.draws;
      expect(draws.map((d) => `${d.lottery} ${d.when}`)).toEqual(headings);
      expect(draws.map((d) => d.lines.length)).toEqual([2, 2, 2, 2]);
    });

    it("the sale's own print is the original; every later one (page, PDF, ESC/POS, Reimprimir) is counted, audited and says REIMPRESIÓN n; previews never count", async () => {
      const app = t();
      const juan = await app.login('juan001');
      const code = await sell(app, juan);
      const first = await get(app, juan, `${code}/print`);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.body).toContain(code);
      expect(first.body).not.toContain('REIMPRESIÓN');
      expect((await get(app, juan, `${code}/print`)).body).toContain('REIMPRESIÓN 1');
      expect(pdfText((await get(app, juan, `${code}/pdf?format=thermal_58mm`)).rawPayload)).toContain(
        'REIMPRESIÓN 2',
      );
      const escpos = (await get(app, juan, `${code}/escpos`)).rawPayload;
      expect(escpos.includes(Buffer.from('REIMPRESIÓN 3', 'latin1'))).toBe(true);
      const preview = await get(app, juan, `${code}/preview`);
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('VISTA PREVIA — NO VÁLIDO');
      expect(preview.body).not.toContain('REIMPRESIÓN');
      const reprint = await post(app, juan, `${code}/reprint`);
      expect(reprint.json().reprint_count).toBe(4);
      const view = await get(app, juan, code);
      expect(view.json().ticket.reprint_count).toBe(4);
      const audited = await app.platform.db
        .selectFrom('audit_log')
        .select(['action', 'after_json'])
        .where('entity', '=', 'lottery_ticket')
        .where('entity_id', '=', view.json().ticket.ticket_id)
        .where('action', 'in', ['print', 'reprint'])
        .orderBy('seq')
        .execute();
      expect(audited.map((a) => `${a.action} ${JSON.parse(a.after_json!).reprint_count}`)).toEqual([
        'print 0',
        'reprint 1',
        'reprint 2',
        'reprint 3',
        'reprint 4',
      ]);

      // Two first prints at once: one original, the other REIMPRESIÓN 1.
      const other = await sell(app, juan);
      const both = await Promise.all([get(app, juan, `${other}/print`), get(app, juan, `${other}/print`)]);
      expect(both.map((r) => /REIMPRESIÓN \d+/.exec(r.body)?.[0] ?? 'original').sort()).toEqual([
        'REIMPRESIÓN 1',
        'original',
      ]);

      // A cancelled ticket is not printed again; its preview says so.
      const cancel = await post(app, juan, `${other}/cancel`, { reason: 'cliente se equivocó' });
      expect(cancel.statusCode, cancel.body).toBe(200);
      for (const format of ['print', 'pdf', 'escpos']) {
        const refused = await get(app, juan, `${other}/${format}`);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error.code).toBe('TICKET_NOT_REPRINTABLE');
      }
      const cancelled = await get(app, juan, `${other}/preview`);
      expect(cancelled.body).toContain('VISTA PREVIA — NO VÁLIDO');
      expect(cancelled.body).toContain('ANULADO');
    });

    it('preview: the print of the sale as prepareSale sees it, nothing written; refusals as a sale', async () => {
      const app = t();
      const juan = await app.login('juan001');
      const count = async () =>
        Number(
          (
            await lotteryDb(app.platform.db)
              .selectFrom('lottery_tickets')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const response = await post(app, juan, 'preview?format=thermal_80mm', SALE);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.html).toContain('VISTA PREVIA');
      expect(body.html).toContain('RD$157.50');
      expect(body.html).toContain('size: 80mm 297mm');
      expect(body.preview.draws.flatMap((d: { lines: unknown[] }) => d.lines)).toHaveLength(3);
      expect(body.preview.total).toBe('RD$157.50');
      expect(await count()).toBe(before);
      const bad = await post(app, juan, 'preview', { entry: 'NOEXISTE|23|100' });
      expect(bad.statusCode).toBeGreaterThanOrEqual(400);
      expect(bad.statusCode).toBeLessThan(500);
    });
  },
  { clock: THURSDAY_MORNING },
);

describe('ticket print writers', () => {
  const model: TicketPrintModel = {
    labels: printLabels('es'),
    code: 'LAN-20260129-0007',
    qr: 'MTZ1:LAN-20260129-0007:abcdefghijabcdefghij12',
    preview: false,
    reprint: 3,
    cancelled: false,
    banca: 'LA CENTRAL 10',
    owner: 'GILBERTO TL',
    date: '29/01/2026, 10:00 a. m.',
    seller: 'JUAN001',
    draws: [
      {
        lottery: 'LOTERÍA REAL',
        when: '12:55',
        lines: [
          { number: '23', betType: 'Directo', amount: 'RD$75.00', notes: ['FALTA RD$25.00'], winner: false },
        ],
      },
    ],
    subtotal: 'RD$75.00',
    discount: null,
    multiplier: null,
    total: 'RD$75.00',
    validUntil: '29/04/2026, 12:55 p. m.',
    expiryNote: 'Los premios se cobran hasta 90 días después del sorteo.',
    footerLines: ['¡Buena suerte!'],
    prizeTable: [{ betType: 'Directo', prizes: '1ra x60 · 2da x8 · 3ra x4' }],
    format: 'thermal_58mm',
    copies: 2,
  };

  it('the print page asks for a page size Chromium honours: the roll width (58, 80 mm) by 297 mm', async () => {
    const mm = 72 / 25.4;
    for (const [format, width, height] of [
      ['thermal_58mm', 58, 297],
      ['thermal_80mm', 80, 297],
    ] as const) {
      const sizes = pageSizes(chromiumPdf(await renderTicketHtml({ ...model, format })));
      expect(sizes.length, format).toBeGreaterThan(0);
      for (const size of sizes) {
        expect(Math.abs(size.width - width * mm), `${format} width ${size.width}`).toBeLessThan(2);
        expect(Math.abs(size.height - height * mm), `${format} height ${size.height}`).toBeLessThan(2);
      }
    }
  }, 120_000);

  it('a line accepted in part prints "FALTA x"; reprints say REIMPRESIÓN n; the prize table and copies', async () => {
    const html = await renderTicketHtml(model);
    expect(html).toContain('FALTA RD$25.00');
    expect(html).toContain('REIMPRESIÓN 3');
    expect(html).toContain('1ra x60');
    expect(html.match(/data-testid="print-ticket"/g)).toHaveLength(2);
    const escpos = renderTicketEscpos(model);
    expect(escpos.includes(Buffer.from('FALTA RD$25.00', 'latin1'))).toBe(true);
    expect(escpos.includes(Buffer.from('REIMPRESIÓN 3', 'latin1'))).toBe(true);
    // One cut per copy.
    expect(escpos.toString('latin1').split(ESCPOS_CUT.toString('latin1')).length - 1).toBe(2);
    const text = pdfText(await renderTicketPdf(model));
    expect(text).toContain('FALTA RD$25.00');
    expect(text).toContain('REIMPRESIÓN 3');
  });
});

describeEngines(
  'recibo de pago de premio en Costa Rica',
  (t) => {
    it("the pay receipt says when it was paid in the operator's zone and money in its currency, never UTC or RD$", async () => {
      const app = t();
      const juan = await app.login('juan001');
      const admin = await app.login('admin');
      const code = await sell(app, juan, { entry: 'JPS|23|100' });
      const draw = await lotteryDb(app.platform.db)
        .selectFrom('lottery_draws as d')
        .innerJoin('lottery_lotteries as l', 'l.id', 'd.lottery_id')
        .select(['d.id', 'd.draw_date', 'd.draw_time'])
        .where('l.code', '=', 'JPS')
        .where('d.status', '=', 'open')
        .orderBy('d.draw_at')
        .executeTakeFirstOrThrow();
      const call = (path: string, payload: object) =>
        app.app.inject({ method: 'POST', url: `/api/v1${path}`, headers: { cookie: admin }, payload });
      expect(
        (await call(`/lottery/draws/${draw.id}/close`, { reason: 'Sorteo adelantado' })).statusCode,
      ).toBe(200);
      const result = await call('/lottery/results', {
        lottery: 'JPS',
        draw_date: draw.draw_date,
        draw_time: draw.draw_time.slice(0, 5),
        number: '23',
        ball: 'white',
      });
      expect(result.statusCode, result.body).toBe(201);
      await vi.waitFor(async () => expect((await get(app, juan, code)).json().ticket.status).toBe('winner'), {
        timeout: 10_000,
      });

      // 13:30 in San José (UTC−6) is 19:30 UTC.
      app.clock.set(new Date('2026-01-29T19:30:00Z'));
      const paid = await post(app, juan, `${code}/pay`);
      expect(paid.statusCode, paid.body).toBe(200);
      const receipt = await get(app, juan, `${code}/receipt`);
      expect(receipt.statusCode).toBe(200);
      expect(receipt.body).toContain(formatPrintDate('2026-01-29T19:30:00Z', 'America/Costa_Rica'));
      expect(receipt.body).toContain('1:30');
      expect(receipt.body).not.toContain('19:30');
      expect(receipt.body).not.toContain('UTC');
      expect(receipt.body).toContain(
        `PAGADO ₡${(paid.json().receipt.amount as number).toLocaleString('en-US')}.00`,
      );
      expect(receipt.body).not.toContain('RD$');
      expect((await get(app, juan, `${code}/receipt?format=pdf`)).statusCode).toBe(400);

      // In the operator's ticket language, as the ticket.
      const settings = (
        await app.app.inject({ method: 'GET', url: '/api/v1/lottery/settings', headers: { cookie: admin } })
      ).json().settings;
      const english = await app.app.inject({
        method: 'PUT',
        url: '/api/v1/lottery/settings',
        headers: { cookie: admin },
        payload: { ...settings, ticket_language: 'en' },
      });
      expect(english.statusCode, english.body).toBe(200);
      const inEnglish = await get(app, juan, `${code}/receipt?lang=es`);
      expect(inEnglish.statusCode).toBe(200);
      expect(inEnglish.body).toContain('<html lang="en">');
      for (const word of ['PRIZE PAYMENT RECEIPT', 'Paid by', 'Keep this receipt', 'PAID ₡'])
        expect(inEnglish.body).toContain(word);
      expect(inEnglish.body).toContain(formatPrintDate('2026-01-29T19:30:00Z', 'America/Costa_Rica', 'en'));
      expect(inEnglish.body).not.toContain('PAGADO');
    });
  },
  { demo: 'cr', clock: '2026-01-29T16:00:00Z' },
);
