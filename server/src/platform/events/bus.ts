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
      this.deliver(JSON.parse(message.payload) as DomainEvent);
    });
    await this.listener.query(`LISTEN ${this.channel}`);
  }

  async stop(): Promise<void> {
    if (!this.listener) return;
    await this.listener.query(`UNLISTEN ${this.channel}`).catch(() => {});
    this.listener.release();
    this.listener = null;
  }

  /** Call after the transaction commits. */
  publish(event: DomainEvent): void {
    if (this.pool && this.listener) {
      this.pool
        .query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(event)])
        .catch(() => this.deliver(event));
      return;
    }
    this.deliver(event);
  }

  subscribe(handler: Handler): () => void {
    this.emitter.on('event', handler);
    return () => this.emitter.off('event', handler);
  }

  private deliver(event: DomainEvent): void {
    this.emitter.emit('event', event);
  }
}
