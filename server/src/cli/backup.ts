import { join } from 'node:path';
import { openPlatform } from './open.ts';

const { platform, close } = openPlatform();
const { database, config } = platform;
if (!database.sqlite) {
  console.error(
    'PostgreSQL: use pg_dump -Fc "$DATABASE_URL" > matriz.dump (ver README, sección Copias de seguridad).',
  );
  await close();
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = join(config.dataDir, `backup-${stamp}.db`);
await database.sqlite.backup(target);
await close();
console.log(`Copia creada: ${target}`);
console.log(
  'Para restaurar: detenga el servidor y copie ese archivo sobre data/matriz.db (borre matriz.db-wal y matriz.db-shm).',
);
