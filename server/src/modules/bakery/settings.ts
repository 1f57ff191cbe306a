import { businessDate } from '../../platform/clock.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, readSetting } from './bakery.repo.ts';

export interface BakerySettings {
  name: string;
  currency: string;
  timezone: string;
}

export const DEFAULT_SETTINGS: BakerySettings = {
  name: 'Panadería',
  currency: 'COP',
  timezone: 'America/Bogota',
};

export async function loadSettings(platform: Platform): Promise<BakerySettings> {
  const stored = await readSetting<Partial<BakerySettings>>(bakeryDb(platform.db), 'general');
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** The bakery's own day (Bogotá), which may differ from the deployment's zone. */
export async function bakeryToday(platform: Platform): Promise<string> {
  const { timezone } = await loadSettings(platform);
  return businessDate(platform.clock.now(), timezone);
}
