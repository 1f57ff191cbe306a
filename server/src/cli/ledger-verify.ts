import { formatMoney } from '@matriz/shared/money';
import { verifyLedger } from '../modules/lottery/verify-ledger.ts';
import { openPlatform } from './open.ts';

/** `npm run ledger:verify`: proves the lottery ledger; exit 1 naming the first discrepancy. */
const { platform, close } = openPlatform();
const started = Date.now();
const result = await verifyLedger(platform);
await close();
const house = result.accounts.filter((a) => !a.account.startsWith('banca:'));
const bancas = result.accounts.filter((a) => a.account.startsWith('banca:'));
console.log('Saldos por cuenta (debe − haber):');
for (const a of house) console.log(`  ${a.account.padEnd(40)} ${formatMoney(a.balance).padStart(20)}`);
const byKind = new Map<string, number>();
for (const a of bancas) {
  const kind = a.account.split(':')[2];
  byKind.set(kind, (byKind.get(kind) ?? 0) + a.balance);
}
for (const [kind, balance] of byKind)
  console.log(`  ${`banca:*:${kind}`.padEnd(40)} ${formatMoney(balance).padStart(20)}`);
console.log(`  ${result.accounts.length} cuentas; debe − haber = ${result.totals.debits_minus_credits}`);
if (result.ok) {
  console.log(`Libro cuadrado: todas las comprobaciones pasan (${Date.now() - started} ms).`);
} else {
  const first = result.problems[0];
  console.error(`DESCUADRE [${first.check}]: ${first.message}`);
  console.error(JSON.stringify(first.rows, null, 2));
  for (const other of result.problems.slice(1)) console.error(`  además [${other.check}]: ${other.message}`);
  process.exit(1);
}
