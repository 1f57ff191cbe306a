import { allModules } from '../modules/index.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { EventBus } from '../platform/events/bus.ts';
import { createPlatform, type Platform } from '../platform/platform.ts';

/** The platform without HTTP, for command-line tools. */
export function openPlatform(): { platform: Platform; close: () => Promise<void> } {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl, { poolSize: 2 });
  const platform = createPlatform(database, systemClock, config, new EventBus(null));
  return { platform, close: () => database.close() };
}

export const enabledModules = () => {
  const config = loadConfig();
  return allModules.filter((m) => config.modules.includes(m.name));
};
