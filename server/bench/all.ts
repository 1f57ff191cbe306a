import { existsSync } from 'node:fs';
import { benchReports } from './reports.ts';
import { benchSettle } from './settle.ts';
import { initialJavaScript, routeJavaScript, SELL_ROUTE_SOURCES } from './web-bundle.ts';

/** Runs every benchmark in turn and prints one table: workload, engine, figure, target. */
const rows: [string, string, string, string][] = [];

if (existsSync('web/dist/index.html')) {
  const bundle = initialJavaScript();
  rows.push([
    'JS inicial (login/vender), gzip',
    'navegador',
    `${(bundle.gzipBytes / 1024).toFixed(1)} KB en ${bundle.files} archivos`,
    '≤ 250 KB',
  ]);
  if (existsSync('web/dist/.vite/manifest.json')) {
    const sell = routeJavaScript(SELL_ROUTE_SOURCES);
    rows.push([
      'JS pantalla Vender (/lottery/sell, primera carga), gzip',
      'navegador',
      `${(sell.gzipBytes / 1024).toFixed(1)} KB en ${sell.files} archivos`,
      '≤ 250 KB',
    ]);
  }
} else {
  rows.push(['JS inicial', 'navegador', 'sin construir (npm run build)', '≤ 250 KB']);
}

for (const f of await benchSettle()) {
  rows.push([
    `Liquidar sorteo de ${f.lines.toLocaleString('en-US')} líneas`,
    f.engine,
    `${f.settleSeconds.toFixed(2)} s`,
    '≤ 2 s',
  ]);
  rows.push(['Venta más lenta durante la liquidación', f.engine, `${f.maxSaleMs.toFixed(0)} ms`, '≤ 150 ms']);
}

for (const f of await benchReports())
  rows.push([
    `Reporte ${f.report} (30 días × 100 bancas), p95`,
    f.engine,
    `${f.p95Ms.toFixed(0)} ms`,
    '≤ 300 ms',
  ]);

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['Carga', 'Motor', 'Medido', 'Meta']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
