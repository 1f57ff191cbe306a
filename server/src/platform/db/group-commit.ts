import { type Kysely, sql, type Transaction } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: the committer runs work against any schema
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: the committer runs work against any schema
export type Work<T> = (trx: Transaction<any>) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/**
 * Runs once per batch, after every work has decided and before the commit, with the values of the
 * works that succeeded (in order); what it returns is what those works' promises resolve to. Bulk
 * writes go here: one multi-row insert for the whole batch instead of one per work.
 */
// biome-ignore lint/suspicious/noExplicitAny: the committer runs work against any schema
export type FinishBatch = (trx: Transaction<any>, decided: unknown[]) => Promise<unknown[]>;

export interface GroupCommitOptions {
  /** Most works in one transaction. */
  maxBatch: number;
  /** Batches in flight at once: 1 on SQLite (one writer), a few on PostgreSQL. */
  concurrency: number;
  /** Whole-batch retries after a deadlock or serialization failure. */
  retries: number;
  finish?: FinishBatch;
  /** Errors (besides deadlocks) after which the whole batch runs again, e.g. a unique key a concurrent batch took. */
  retryWhen?: (error: unknown) => boolean;
}

const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Group commit: concurrent works share one transaction, each inside its own savepoint, so one
 * durable commit (one fsync) covers many of them and a hot row is locked once per batch instead of
 * once per work. A work that throws is rolled back to its savepoint and rejected alone; the others
 * commit. Every promise settles only after the commit, so a resolved work is on disk.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private running = 0;

  constructor(
    private readonly db: AnyDb,
    private readonly options: GroupCommitOptions,
  ) {}

  private isRetryable(error: unknown): boolean {
    return (
      RETRYABLE.has((error as { code?: string })?.code ?? '') || (this.options.retryWhen?.(error) ?? false)
    );
  }

  submit<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject });
      if (this.running < this.options.concurrency) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.maxBatch);
        await this.runBatch(batch);
      }
    } finally {
      this.running -= 1;
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const outcomes = await this.runOnce(batch);
        outcomes.forEach((outcome, i) => {
          if (outcome.ok) batch[i].resolve(outcome.value);
          else batch[i].reject(outcome.error);
        });
        return;
      } catch (error) {
        if (this.isRetryable(error) && attempt < this.options.retries) continue;
        for (const pending of batch) pending.reject(error);
        return;
      }
    }
  }

  private async runOnce(
    batch: Pending[],
  ): Promise<({ ok: true; value: unknown } | { ok: false; error: unknown })[]> {
    const trx = await this.db.startTransaction().execute();
    try {
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      for (const pending of batch) {
        await sql`savepoint work`.execute(trx);
        try {
          const value = await pending.work(trx);
          await sql`release savepoint work`.execute(trx);
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (this.isRetryable(error)) throw error;
          await sql`rollback to savepoint work`.execute(trx);
          await sql`release savepoint work`.execute(trx);
          outcomes.push({ ok: false, error });
        }
      }
      if (this.options.finish) {
        const decided = outcomes.filter((o) => o.ok);
        const finished = await this.options.finish(
          trx,
          decided.map((o) => (o as { value: unknown }).value),
        );
        decided.forEach((outcome, i) => {
          (outcome as { value: unknown }).value = finished[i];
        });
      }
      await trx.commit().execute();
      return outcomes;
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      throw error;
    }
  }
}
