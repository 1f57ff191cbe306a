import { migrate } from '../platform/setup.ts';
import { enabledModules, openPlatform } from './open.ts';

const { platform, close } = openPlatform();
const applied = await migrate(platform, enabledModules());
console.log(
  applied.length ? `Migraciones aplicadas: ${applied.join(', ')}` : 'La base de datos ya está al día.',
);
await close();
