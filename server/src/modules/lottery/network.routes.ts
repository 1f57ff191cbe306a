import { IdParams } from '@matriz/shared/api/common';
import {
  ActiveFilter,
  AssignmentListQuery,
  BancaListQuery,
  CreateAgentBody,
  CreateAssignmentBody,
  CreateBancaBody,
  CreateZoneBody,
  UpdateAgentBody,
  UpdateBancaBody,
  UpdateZoneBody,
} from '@matriz/shared/api/lottery-catalog';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { assignUser } from './assign-user.ts';
import { lotteryDb } from './db.ts';
import {
  findAgent,
  findBanca,
  findBancasOfUser,
  findZone,
  listAgents,
  listAssignments,
  listBancas,
  listZones,
} from './network.repo.ts';
import { registerRecordStateRoutes } from './record-state.routes.ts';
import { createAgent, updateAgent } from './save-agent.ts';
import { createBanca, updateBanca } from './save-banca.ts';
import { createZone, updateZone } from './save-zone.ts';
import { unassignUser } from './unassign-user.ts';
import { presentAgent, presentAssignment, presentBanca, presentZone } from './views.ts';

const activeOf = (value: 'true' | 'false' | undefined) =>
  value === undefined ? undefined : value === 'true';

export function registerNetworkRoutes(app: App, platform: Platform): void {
  const read = { access: 'lottery.catalog.read' as const };
  const manage = { access: 'lottery.network.manage' as const };
  const tags = ['lottery'];
  const db = () => lotteryDb(platform.db);

  // zones
  app.get(
    '/lottery/zones',
    { config: read, schema: { tags, querystring: ActiveFilter } },
    async (request) => {
      const q = request.query;
      const { items, total } = await listZones(db(), {
        q: q.q,
        active: activeOf(q.active),
        page: q.page,
        pageSize: q.page_size,
      });
      return { items: items.map(presentZone), total, page: q.page, page_size: q.page_size };
    },
  );
  app.get('/lottery/zones/:id', { config: read, schema: { tags, params: IdParams } }, async (request) => {
    const zone = await findZone(db(), request.params.id);
    if (!zone) throw notFound('lottery_zone', request.params.id);
    return { zone: presentZone(zone) };
  });
  app.post(
    '/lottery/zones',
    { config: manage, schema: { tags, body: CreateZoneBody } },
    async (request, reply) =>
      reply.status(201).send({ zone: presentZone(await createZone(platform, request.actor, request.body)) }),
  );
  app.patch(
    '/lottery/zones/:id',
    { config: manage, schema: { tags, params: IdParams, body: UpdateZoneBody } },
    async (request) => ({
      zone: presentZone(await updateZone(platform, request.actor, request.params.id, request.body)),
    }),
  );
  registerRecordStateRoutes(app, platform, '/lottery/zones', 'zone', 'lottery.network.manage');

  // bancas: people without network.manage see only the bancas they work at
  app.get(
    '/lottery/bancas',
    { config: read, schema: { tags, querystring: BancaListQuery } },
    async (request) => {
      const q = request.query;
      const seesAll = request.auth?.permissions.has('lottery.network.manage') ?? false;
      const { items, total } = await listBancas(db(), {
        q: q.q,
        active: activeOf(q.active),
        zoneId: q.zone_id,
        visibleTo: seesAll ? undefined : request.auth?.userId,
        page: q.page,
        pageSize: q.page_size,
      });
      return { items: items.map(presentBanca), total, page: q.page, page_size: q.page_size };
    },
  );
  app.get('/lottery/my-bancas', { config: read, schema: { tags } }, async (request) => ({
    items: (await findBancasOfUser(db(), request.auth!.userId)).map(presentBanca),
  }));
  app.get('/lottery/bancas/:id', { config: manage, schema: { tags, params: IdParams } }, async (request) => {
    const banca = await findBanca(db(), request.params.id);
    if (!banca) throw notFound('lottery_banca', request.params.id);
    return { banca: presentBanca(banca) };
  });
  app.post(
    '/lottery/bancas',
    { config: manage, schema: { tags, body: CreateBancaBody } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ banca: presentBanca(await createBanca(platform, request.actor, request.body)) }),
  );
  app.patch(
    '/lottery/bancas/:id',
    { config: manage, schema: { tags, params: IdParams, body: UpdateBancaBody } },
    async (request) => ({
      banca: presentBanca(await updateBanca(platform, request.actor, request.params.id, request.body)),
    }),
  );
  registerRecordStateRoutes(app, platform, '/lottery/bancas', 'banca', 'lottery.network.manage');

  // assignments
  app.get(
    '/lottery/assignments',
    { config: manage, schema: { tags, querystring: AssignmentListQuery } },
    async (request) => {
      const q = request.query;
      const rows = await listAssignments(db(), { bancaId: q.banca_id, zoneId: q.zone_id, userId: q.user_id });
      return { items: rows.map(presentAssignment) };
    },
  );
  app.post(
    '/lottery/assignments',
    { config: manage, schema: { tags, body: CreateAssignmentBody } },
    async (request, reply) => {
      const body = request.body;
      const row = await assignUser(platform, request.actor, {
        userId: body.user_id,
        role: body.role,
        bancaId: body.banca_id,
        zoneId: body.zone_id,
      });
      return reply.status(201).send({ assignment: presentAssignment(row) });
    },
  );
  app.delete(
    '/lottery/assignments/:id',
    { config: manage, schema: { tags, params: IdParams } },
    async (request) => {
      await unassignUser(platform, request.actor, request.params.id);
      return { success: true };
    },
  );

  // external agents
  app.get(
    '/lottery/agents',
    { config: manage, schema: { tags, querystring: ActiveFilter } },
    async (request) => {
      const q = request.query;
      const { items, total } = await listAgents(db(), {
        q: q.q,
        active: activeOf(q.active),
        page: q.page,
        pageSize: q.page_size,
      });
      return { items: items.map(presentAgent), total, page: q.page, page_size: q.page_size };
    },
  );
  app.get('/lottery/agents/:id', { config: manage, schema: { tags, params: IdParams } }, async (request) => {
    const agent = await findAgent(db(), request.params.id);
    if (!agent) throw notFound('lottery_agent', request.params.id);
    return { agent: presentAgent(agent) };
  });
  app.post(
    '/lottery/agents',
    { config: manage, schema: { tags, body: CreateAgentBody } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ agent: presentAgent(await createAgent(platform, request.actor, request.body)) }),
  );
  app.patch(
    '/lottery/agents/:id',
    { config: manage, schema: { tags, params: IdParams, body: UpdateAgentBody } },
    async (request) => ({
      agent: presentAgent(await updateAgent(platform, request.actor, request.params.id, request.body)),
    }),
  );
  registerRecordStateRoutes(app, platform, '/lottery/agents', 'agent', 'lottery.network.manage');
}
