import { verifyAuditChain } from '../platform/audit/audit.ts';
import { openPlatform } from './open.ts';

const { platform, close } = openPlatform();
const result = await verifyAuditChain(platform.db);
await close();
if (result.ok) {
  console.log(`Auditoría íntegra: ${result.checked} registros verificados.`);
} else {
  console.error(
    `Auditoría ALTERADA en el registro ${result.brokenAt}: ${result.reason} (${result.checked} verificados antes).`,
  );
  process.exit(1);
}
