import { parseArgs } from 'node:util';
import { addDays, localDate } from '@matriz/shared/lottery/schedule';
import { formatMoney } from '@matriz/shared/money';
import { simulateSales } from '../modules/lottery/simulate-sales.ts';
import { verifyLedger } from '../modules/lottery/verify-ledger.ts';
import { loadDemoIfEmpty, migrate } from '../platform/setup.ts';
import { enabledModules, openPlatform } from './open.ts';

/**
 * `npm run demo:simulate -- --days 30 [--bancas N --lines-per-day M --no-settle]`: past days of sales
 * (and results, settlement, payments) into DATABASE_URL, then the ledger check and the report totals
 * against the tickets.
 */
const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '30' },
    bancas: { type: 'string', default: '12' },
    'lines-per-day': { type: 'string', default: '300' },
    'no-settle': { type: 'boolean', default: false },
  },
});
const { platform, close } = openPlatform();
await migrate(platform, enabledModules());
await loadDemoIfEmpty(platform, enabledModules());
const yesterday = addDays(localDate(platform.clock.now(), platform.config.timezone), -1);
const result = await simulateSales(platform, {
  days: Number(values.days),
  bancas: Number(values.bancas),
  linesPerDay: Number(values['lines-per-day']),
  lastDay: yesterday,
  full: true,
  settle: !values['no-settle'],
  log: (m) => console.log(m),
});
console.log(
  `Simulados ${result.firstDay}…${result.lastDay}: ${result.tickets} tickets, ${result.lines} jugadas, ${formatMoney(result.total)}; ` +
    `${result.settled} sorteos liquidados, ${result.paid} premios pagados (${result.seconds.toFixed(1)} s).`,
);
const verification = await verifyLedger(platform);
await close();
if (!verification.ok) {
  console.error(`DESCUADRE [${verification.problems[0].check}]: ${verification.problems[0].message}`);
  console.error(JSON.stringify(verification.problems[0].rows, null, 2));
  process.exit(1);
}
console.log(
  'Libro verificado: venta, comisión, anulaciones, premios y pagos cuadran; agregados = tickets al centavo.',
);
