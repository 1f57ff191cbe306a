import type { ModuleDefinition } from '../platform/platform.ts';
import { bakeryModule } from './bakery/index.ts';
import { lotteryModule } from './lottery/index.ts';

/** Every business module this build knows; MATRIZ_MODULES switches them on per deployment. */
export const allModules: ModuleDefinition[] = [lotteryModule, bakeryModule];
