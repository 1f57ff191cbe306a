import { businessDate } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { notify } from '../../platform/notifications/notify.ts';
import type { Platform } from '../../platform/platform.ts';
import { insertAnomaly } from './anomalies.repo.ts';
import { lotteryDb } from './db.ts';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AnomalyInput {
  kind: string;
  severity: Severity;
  entity: string;
  entityId: string;
  bancaId: string | null;
  drawId: string | null;
  details: Record<string, unknown>;
  /** Same key → stored once, however many instances hear the event. */
  dedupeKey: string;
}

/**
 * Stores an anomaly once (by its dedupe key). The instance whose insert wins pushes
 * `lottery.anomaly.created` to risk readers and, for critical ones, notifies them in the app.
 */
export async function recordAnomaly(platform: Platform, input: AnomalyInput): Promise<string | null> {
  const now = platform.clock.now();
  const row = {
    id: newId(),
    dedupe_key: input.dedupeKey.slice(0, 400),
    kind: input.kind,
    severity: input.severity,
    entity: input.entity,
    entity_id: input.entityId,
    banca_id: input.bancaId,
    draw_id: input.drawId,
    details_json: JSON.stringify(input.details),
    created_at: now.toISOString(),
    business_date: businessDate(now, platform.config.timezone),
    acknowledged_at: null,
    acknowledged_by: null,
    comment: null,
  };
  const outcome = await platform.db.transaction().execute(async (trx) => {
    if (!(await insertAnomaly(lotteryDb(trx), row))) return null;
    if (input.severity !== 'critical') return { delivery: null };
    const delivery = await notify(platform, trx, {
      permission: 'lottery.risk.read',
      kind: 'lottery.anomaly',
      title: { key: 'ui.lottery.risk.notify_title', values: { kind: input.kind } },
      body: {
        key: 'ui.lottery.risk.notify_body',
        values: { kind: input.kind, entity: input.entityId },
      },
      link: '/lottery/risk?tab=anomalies',
    });
    return { delivery };
  });
  if (!outcome) return null;
  platform.bus.publish({
    type: 'lottery.anomaly.created',
    payload: {
      id: row.id,
      kind: row.kind,
      severity: row.severity,
      entity: row.entity,
      entity_id: row.entity_id,
      banca_id: row.banca_id,
      draw_id: row.draw_id,
      details: input.details,
      created_at: row.created_at,
    },
    audience: { permission: 'lottery.risk.read' },
  });
  await outcome.delivery?.deliver();
  return row.id;
}
