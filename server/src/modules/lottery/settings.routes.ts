import { OperatorSettingsBody } from '@matriz/shared/api/lottery-catalog';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { updateOperatorSettings } from './update-operator-settings.ts';

export function registerSettingsRoutes(app: App, platform: Platform): void {
  app.get(
    '/lottery/settings',
    { config: { access: 'authenticated' }, schema: { tags: ['lottery'] } },
    async () => ({
      settings: await getOperatorSettings(lotteryDb(platform.db), platform.config),
    }),
  );

  app.put(
    '/lottery/settings',
    {
      config: { access: 'platform.settings.manage' },
      schema: { tags: ['lottery'], body: OperatorSettingsBody },
    },
    async (request) => ({ settings: await updateOperatorSettings(platform, request.actor, request.body) }),
  );
}
