import { existsSync } from 'node:fs';
import { initialJavaScript } from './web-bundle.ts';

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
} else {
  rows.push(['JS inicial', 'navegador', 'sin construir (npm run build)', '≤ 250 KB']);
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['Carga', 'Motor', 'Medido', 'Meta']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
