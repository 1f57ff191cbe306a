import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, readSetting } from './bakery.repo.ts';

/** The automatic messages part of the bakery settings (stored under the `reminders` key). */
export interface ReminderSettings {
  /** Local time (bakery zone, HH:MM) from which sellers without today's pedido are reminded. */
  pedidoReminderAt: string;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { pedidoReminderAt: '10:00' };

export const REMINDER_SETTINGS_KEY = 'reminders';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function loadReminderSettings(platform: Platform): Promise<ReminderSettings> {
  const stored = await readSetting<Partial<ReminderSettings>>(bakeryDb(platform.db), REMINDER_SETTINGS_KEY);
  const at = stored?.pedidoReminderAt;
  return { pedidoReminderAt: at && TIME.test(at) ? at : DEFAULT_REMINDER_SETTINGS.pedidoReminderAt };
}
