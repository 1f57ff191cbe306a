import type { ModuleDefinition } from '../../platform/platform.ts';

export const bakeryModule: ModuleDefinition = {
  name: 'bakery',
  migrations: {},
  routes: () => {},
};
