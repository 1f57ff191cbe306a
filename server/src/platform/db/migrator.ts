import { type Kysely, type Migration, Migrator } from 'kysely';

export type MigrationSet = Record<string, Migration>;

/**
 * Every module brings migrations named `<UTC timestamp>_<module>_<what>`; they run in name order
 * as one list so a module's tables can rely on the platform's.
 */
export async function migrateToLatest(
  // biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
  db: Kysely<any>,
  sets: MigrationSet[],
  schema: string | null = null,
): Promise<string[]> {
  const all: MigrationSet = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (!/^\d{8}T\d{4,6}_[a-z]+_[a-z0-9_]+$/.test(name)) throw new Error(`Bad migration name: ${name}`);
      if (all[name]) throw new Error(`Duplicate migration: ${name}`);
      all[name] = migration;
    }
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    allowUnorderedMigrations: true,
    // Kysely looks for its tables across all schemas; pin it to ours so parallel schemas do not collide.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
