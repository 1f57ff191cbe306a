import { useEffect, useRef, useSyncExternalStore } from 'react';
import { API_BASE } from './api.ts';

/** A message pushed by the server over `/api/v1/ws`. */
export interface RealtimeMessage<P = unknown> {
  type: string;
  payload: P;
}

export type RealtimeStatus = 'idle' | 'connecting' | 'open' | 'closed';
type Handler = (payload: unknown, message: RealtimeMessage) => void;
type SessionEndedHandler = (reason: string, message: string | undefined) => void;

const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** The server answers the text `ping` with a `pong` message; silence this long means a dead link. */
const PING_EVERY_MS = 25_000;
const SILENCE_LIMIT_MS = 60_000;

/**
 * One WebSocket per tab, opened after login (the session cookie authenticates it) and reopened with
 * exponential back-off plus jitter when it drops. Screens subscribe by message type.
 */
class RealtimeClient {
  private socket: WebSocket | null = null;
  private wanted = false;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastMessageAt = 0;
  private listening = false;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly statusListeners = new Set<() => void>();
  private sessionEnded: SessionEndedHandler = () => {};
  status: RealtimeStatus = 'idle';

  connect(): void {
    this.wanted = true;
    this.listen();
    if (this.socket || this.timer !== undefined) return;
    this.open();
  }

  /** Phones drop sockets while asleep or off-line: retry at once when they come back. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const retryNow = () => {
      if (!this.wanted || this.socket) return;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.attempts = 0;
      this.open();
    };
    window.addEventListener('online', retryNow);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') retryNow();
    });
  }

  disconnect(): void {
    this.wanted = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.attempts = 0;
    clearInterval(this.heartbeat);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = null;
      socket.close(1000);
    }
    this.setStatus('idle');
  }

  subscribe(type: string, handler: Handler): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  onSessionEnded(handler: SessionEndedHandler): void {
    this.sessionEnded = handler;
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  private open(): void {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    let socket: WebSocket;
    try {
      socket = new WebSocket(`${scheme}//${window.location.host}${API_BASE}/ws`);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.setStatus('connecting');
    socket.onopen = () => {
      this.attempts = 0;
      this.lastMessageAt = Date.now();
      this.setStatus('open');
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => {
        if (Date.now() - this.lastMessageAt > SILENCE_LIMIT_MS) socket.close(4000, 'silent');
        else if (socket.readyState === WebSocket.OPEN) socket.send('ping');
      }, PING_EVERY_MS);
    };
    socket.onmessage = (event) => {
      this.lastMessageAt = Date.now();
      this.dispatch(event.data);
    };
    socket.onclose = () => {
      clearInterval(this.heartbeat);
      if (this.socket !== socket) return;
      this.socket = null;
      this.setStatus('closed');
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (!this.wanted) return;
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempts);
    this.attempts += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.wanted) this.open();
    }, delay);
  }

  private dispatch(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let message: RealtimeMessage;
    try {
      message = JSON.parse(raw) as RealtimeMessage;
    } catch {
      return;
    }
    if (!message || typeof message.type !== 'string') return;
    if (message.type === 'session.ended') {
      const payload = (message.payload ?? {}) as { reason?: unknown; message?: unknown };
      const reason = typeof payload.reason === 'string' ? payload.reason : 'SESSION_REPLACED';
      this.disconnect();
      this.sessionEnded(reason, typeof payload.message === 'string' ? payload.message : undefined);
    }
    for (const handler of this.handlers.get(message.type) ?? []) {
      try {
        handler(message.payload, message);
      } catch (error) {
        console.error('realtime handler failed', message.type, error);
      }
    }
  }

  private setStatus(status: RealtimeStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }
}

export const realtime = new RealtimeClient();

/** Runs `handler` for every pushed message of `type` while the component is mounted. */
export function useRealtime<P = unknown>(
  type: string,
  handler: (payload: P, message: RealtimeMessage<P>) => void,
): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      realtime.subscribe(type, (payload, message) =>
        latest.current(payload as P, message as RealtimeMessage<P>),
      ),
    [type],
  );
}

/** Connection state, e.g. for an "offline" badge. */
export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(
    (listener) => realtime.onStatus(listener),
    () => realtime.status,
  );
}
