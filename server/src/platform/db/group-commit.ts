import { type Kysely, sql, type Transaction } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: the committer runs work against any schema
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: the committer runs work against any schema
export type AnyTransaction = Transaction<any>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Pending<I> {
  item: I;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

export interface GroupCommitOptions<I, O> {
  /** Most items in one transaction. */
  maxBatch: number;
  /** Batches in flight at once: 1 on SQLite (one writer), a few on PostgreSQL. */
  concurrency: number;
  /** Whole-batch retries after a deadlock or serialization failure. */
  retries: number;
  /**
   * Decides and writes a whole batch inside its transaction: one outcome per item, in order. An
   * item refused here is rejected alone; throwing fails (or, if retryable, re-runs) the batch.
   */
  run(trx: AnyTransaction, items: I[]): Promise<Outcome<O>[]>;
  /** Errors (besides deadlocks) after which the whole batch runs again, e.g. a unique key a concurrent batch took. */
  retryWhen?: (error: unknown) => boolean;
}

const RETRYABLE = new Set(['40P01', '40001']);

export const isRetryableConflict = (error: unknown): boolean =>
  RETRYABLE.has((error as { code?: string })?.code ?? '');

/**
 * Runs `work` for each item in its own savepoint: an item whose work throws is rolled back alone
 * and comes back as a failed outcome; a deadlock or serialization failure fails the whole batch.
 */
export async function eachInSavepoint<I, O>(
  trx: AnyTransaction,
  items: readonly I[],
  work: (item: I) => Promise<O>,
  isFatal: (error: unknown) => boolean = isRetryableConflict,
): Promise<Outcome<O>[]> {
  const outcomes: Outcome<O>[] = [];
  for (const item of items) {
    await sql`savepoint work`.execute(trx);
    try {
      const value = await work(item);
      await sql`release savepoint work`.execute(trx);
      outcomes.push({ ok: true, value });
    } catch (error) {
      if (isFatal(error)) throw error;
      await sql`rollback to savepoint work`.execute(trx);
      await sql`release savepoint work`.execute(trx);
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

/**
 * Group commit: concurrent requests share one transaction, so one durable commit (one fsync) covers
 * many of them and a hot row is locked once per batch instead of once per request. A batch starts
 * on the next turn of the event loop, so every request that arrived meanwhile joins it. Every
 * promise settles only after the commit, so a resolved item is on disk.
 */
export class GroupCommitter<I, O> {
  private readonly queue: Pending<I>[] = [];
  private running = 0;

  constructor(
    private readonly db: AnyDb,
    private readonly options: GroupCommitOptions<I, O>,
  ) {}

  private isRetryable(error: unknown): boolean {
    return isRetryableConflict(error) || (this.options.retryWhen?.(error) ?? false);
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve: resolve as (value: unknown) => void, reject });
      if (this.running < this.options.concurrency) {
        this.running += 1;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.maxBatch);
        await this.runBatch(batch);
      }
    } finally {
      this.running -= 1;
    }
  }

  private async runBatch(batch: Pending<I>[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const outcomes = await this.runOnce(batch.map((p) => p.item));
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

  private async runOnce(items: I[]): Promise<Outcome<O>[]> {
    const trx = await this.db.startTransaction().execute();
    try {
      const outcomes = await this.options.run(trx, items);
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
