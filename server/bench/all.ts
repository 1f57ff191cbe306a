import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { benchReports } from './reports.ts';
import { benchSell } from './sell.ts';
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

for (const f of await benchSell()) {
  rows.push([
    `Venta 5 líneas, 4 niveles de límite, HTTP 32 clientes (${f.workload})`,
    f.engine,
    `${f.httpPerSecond.toFixed(0)} tickets/s`,
    f.engine === 'sqlite' ? '≥ 1.500 tickets/s' : '≥ 1.000 tickets/s',
  ]);
  rows.push([
    `  p99 HTTP (${f.workload})`,
    f.engine,
    `${f.httpP99.toFixed(0)} ms`,
    f.engine === 'sqlite' ? '≤ 50 ms' : '≤ 80 ms',
  ]);
  rows.push([
    `  transacción sola, sin HTTP (${f.workload})`,
    f.engine,
    `${f.barePerSecond.toFixed(0)} tickets/s, p99 ${f.bareP99.toFixed(0)} ms`,
    '—',
  ]);
  rows.push([
    `  CPU del servidor por ticket, HTTP / sola (${f.workload})`,
    f.engine,
    `${f.httpCpuMs.toFixed(2)} / ${f.bareCpuMs.toFixed(2)} ms`,
    '—',
  ]);
  rows.push([
    `  event loop por ticket; tiempo en COMMIT, el más largo (${f.workload})`,
    f.engine,
    `${f.httpLoopMs.toFixed(2)} ms; ${f.httpCommitMs.toFixed(0)} ms, ${f.httpCommitMaxMs.toFixed(0)} ms`,
    '—',
  ]);
  rows.push([
    `  HTTP ÷ transacción sola (${f.workload})`,
    f.engine,
    (f.httpPerSecond / f.barePerSecond).toFixed(2),
    '≥ 0,5',
  ]);
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

const table = [
  line(['Carga', 'Motor', 'Medido', 'Meta']),
  line(widths.map((w) => '-'.repeat(w))),
  ...rows.map(line),
].join('\n');
mkdirSync('docs', { recursive: true });
writeFileSync(
  'docs/performance.md',
  `# Rendimiento medido\n\nEscrito por \`npm run bench\` el ${new Date().toISOString().slice(0, 10)} en esta máquina (2 núcleos). Las metas son las de cada issue.\n\n${table}\n`,
);
console.log('\nTabla escrita en docs/performance.md');
