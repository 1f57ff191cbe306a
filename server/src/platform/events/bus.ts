import { EventEmitter } from 'node:events';
import type { Permission } from '@matriz/shared/auth/permissions';
import type pg from 'pg';
import { newId } from '../ids.ts';

/** Who may receive an event; with no audience it goes to every signed-in screen. */
export interface Audience {
  permission?: Permission;
  userIds?: string[];
  sessionIds?: string[];
}

export interface DomainEvent {
  type: string;
  payload: unknown;
  audience?: Audience;
}

type Handler = (event: DomainEvent) => void;

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; such an event stays in this instance. */
const NOTIFY_LIMIT = 8000;

/** One channel per database schema, so deployments (and test runs) sharing a server never hear each other. */
function channelOf(schema: string | null): string {
  return schema ? `matriz_events_${schema.replace(/[^a-z0-9_]/gi, '')}` : 'matriz_events';
}

/**
 * In-process publish/subscribe. On PostgreSQL every event goes through NOTIFY so that screens
 * connected to any server instance see it; each instance delivers what it hears to its own subscribers.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private outgoing: DomainEvent[] = [];
  private sent = 0;
  private listener: pg.PoolClient | null = null;
  readonly instanceId = newId();

  private readonly channel: string;

  constructor(
    private readonly pool: pg.Pool | null,
    schema: string | null = null,
  ) {
    this.emitter.setMaxListeners(0);
    this.channel = channelOf(schema);
  }

  async start(): Promise<void> {
    if (!this.pool) return;
    this.listener = await this.pool.connect();
    this.listener.on('notification', (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      this.deliver(JSON.parse(message.payload.slice(message.payload.indexOf(' ') + 1)) as DomainEvent);
    });
    await this.listener.query(`LISTEN ${this.channel}`);
  }

  async stop(): Promise<void> {
    if (!this.listener) return;
    await this.listener.query(`UNLISTEN ${this.channel}`).catch(() => {});
    this.listener.release();
    this.listener = null;
  }

  /**
   * Call after the transaction commits. On PostgreSQL the events published in one turn of the event
   * loop travel in one statement, in order: a busy server sells hundreds of tickets a second and
   * each sale announces itself.
   */
  publish(event: DomainEvent): void {
    if (!this.pool || !this.listener) {
      this.deliver(event);
      return;
    }
    this.outgoing.push(event);
    if (this.outgoing.length === 1) setImmediate(() => this.flush());
  }

  /**
   * PostgreSQL drops a notification identical to an earlier one of the same transaction, so each
   * payload starts with a number of its own: `<n> <event as JSON>`.
   */
  private flush(): void {
    const events = this.outgoing.splice(0);
    if (!this.pool || events.length === 0) return;
    const payloads: string[] = [];
    for (const event of events) {
      const payload = `${this.sent++} ${JSON.stringify(event)}`;
      if (Buffer.byteLength(payload) < NOTIFY_LIMIT) payloads.push(payload);
      else this.deliver(event);
    }
    if (payloads.length === 0) return;
    this.pool
      .query('SELECT pg_notify($1, p) FROM json_array_elements_text($2::json) AS p', [
        this.channel,
        JSON.stringify(payloads),
      ])
      .catch(() => {
        for (const payload of payloads) this.deliver(JSON.parse(payload.slice(payload.indexOf(' ') + 1)));
      });
  }

  subscribe(handler: Handler): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }

  private deliver(event: DomainEvent): void {
    this.emitter.emit('event', event);
  }
}
