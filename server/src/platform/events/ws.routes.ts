import type { WebSocket } from 'ws';
import type { App, AuthContext } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import type { DomainEvent } from './bus.ts';

interface Connection {
  socket: WebSocket;
  auth: AuthContext;
}

function allowed(event: DomainEvent, auth: AuthContext): boolean {
  const audience = event.audience;
  if (!audience) return true;
  if (audience.sessionIds && (!auth.sessionId || !audience.sessionIds.includes(auth.sessionId))) return false;
  if (audience.userIds && !audience.userIds.includes(auth.userId)) return false;
  if (audience.permission && !auth.permissions.has(audience.permission)) return false;
  return true;
}

/** The websocket hub: pushes domain events to the screens whose user may see them. */
export function registerRealtimeRoutes(app: App, platform: Platform): void {
  const connections = new Set<Connection>();
  const unsubscribe = platform.bus.subscribe((event) => {
    const message = JSON.stringify({ type: event.type, payload: event.payload });
    for (const connection of connections) {
      if (!allowed(event, connection.auth)) continue;
      connection.socket.send(message);
      if (event.type === 'session.ended') connection.socket.close(4001, 'session ended');
    }
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    for (const connection of connections) connection.socket.close(1001, 'server shutting down');
  });

  app.get(
    '/ws',
    { websocket: true, config: { access: 'authenticated' }, schema: { hide: true } },
    (socket, request) => {
      const connection: Connection = { socket, auth: request.auth! };
      connections.add(connection);
      socket.send(JSON.stringify({ type: 'hello', payload: { user: request.auth!.username } }));
      socket.on('close', () => connections.delete(connection));
      socket.on('message', (data) => {
        if (String(data) === 'ping') socket.send(JSON.stringify({ type: 'pong', payload: null }));
      });
    },
  );
}
