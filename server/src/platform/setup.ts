import { ensureAuditHead } from './audit/audit.ts';
import { countUsers } from './auth/users.repo.ts';
import { type MigrationSet, migrateToLatest } from './db/migrator.ts';
import { loadPlatformDemo } from './demo.ts';
import * as platformInit from './migrations/20261121T130000_platform_init.ts';
import * as platformJobs from './migrations/20261121T131000_platform_jobs.ts';
import * as platformNotifications from './migrations/20261121T131001_platform_notifications.ts';
import * as dropIdempotencyKeys from './migrations/20261128T090000_platform_drop_idempotency_keys.ts';
import type { ModuleDefinition, Platform } from './platform.ts';

export const platformMigrations: MigrationSet = {
  '20261121T130000_platform_init': platformInit,
  '20261121T131000_platform_jobs': platformJobs,
  '20261121T131001_platform_notifications': platformNotifications,
  '20261128T090000_platform_drop_idempotency_keys': dropIdempotencyKeys,
};

export function migrationsOf(modules: ModuleDefinition[]): MigrationSet[] {
  return [platformMigrations, ...modules.map((m) => m.migrations)];
}

export async function migrate(platform: Platform, modules: ModuleDefinition[]): Promise<string[]> {
  const applied = await migrateToLatest(platform.db, migrationsOf(modules), platform.database.schema);
  await ensureAuditHead(platform.db);
  return applied;
}

/** Demo data goes only into an empty database, so a restart never duplicates it. */
export async function loadDemoIfEmpty(platform: Platform, modules: ModuleDefinition[]): Promise<boolean> {
  const profile = platform.config.demo;
  if (profile === 'none' || (await countUsers(platform.db)) > 0) return false;
  const actor = { userId: null, username: 'demo', ip: null };
  await loadPlatformDemo(platform, actor);
  for (const module of modules) {
    if (platform.config.modules.includes(module.name)) await module.demo?.(platform, profile);
  }
  return true;
}
