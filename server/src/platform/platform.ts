import type { ModuleName } from '@matriz/shared/auth/permissions';
import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import {
  type Actor,
  type AuditEntry,
  type AuditReservation,
  auditRowsQueries,
  recordAudit,
} from './audit/audit.ts';
import type { Clock } from './clock.ts';
import type { Config, DemoProfile } from './config.ts';
import type { Database, Engine } from './db/database.ts';
import type { MigrationSet } from './db/migrator.ts';
import type { PlatformTables } from './db/tables.ts';
import type { EventBus } from './events/bus.ts';
import type { App } from './http/types.ts';
import type { JobDefinition } from './jobs/job.ts';

/** What every use case gets: the database, the clock, the bus and the audit trail. */
export interface Platform {
  db: Kysely<PlatformTables>;
  engine: Engine;
  database: Database;
  clock: Clock;
  config: Config;
  bus: EventBus;
  audit(
    trx: Transaction<PlatformTables> | Kysely<PlatformTables>,
    actor: Actor,
    entry: AuditEntry,
  ): Promise<void>;
  /**
   * The audit rows of a batch, chained from numbers the batch reserved on the head
   * (`reserveAuditQuery`), as writes to run with the change they describe.
   */
  auditQueries(
    trx: Transaction<PlatformTables> | Kysely<PlatformTables>,
    reservation: AuditReservation,
    items: readonly { actor: Actor; entry: AuditEntry }[],
  ): CompiledQuery[];
}

export function createPlatform(database: Database, clock: Clock, config: Config, bus: EventBus): Platform {
  return {
    db: database.db,
    engine: database.engine,
    database,
    clock,
    config,
    bus,
    audit: (trx, actor, entry) => recordAudit(trx, actor, entry, clock.now(), config.timezone),
    auditQueries: (trx, reservation, items) =>
      auditRowsQueries(trx, reservation, items, clock.now(), config.timezone),
  };
}

/** A business module: its tables, its routes under /api/v1, its demo data and its jobs. */
export interface ModuleDefinition {
  name: ModuleName;
  migrations: MigrationSet;
  routes(app: App, platform: Platform): Promise<void> | void;
  demo?(platform: Platform, profile: Exclude<DemoProfile, 'none'>): Promise<void>;
  jobs?: JobDefinition[];
}
