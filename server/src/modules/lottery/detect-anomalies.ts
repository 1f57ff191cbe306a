import { drawExposure } from '@matriz/shared/lottery/exposure';
import { DEFAULT_PRIZES } from '@matriz/shared/lottery/games';
import type { DomainEvent } from '../../platform/events/bus.ts';
import { sha256 } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bancaTicketStats, findSameLinesTicket } from './anomalies.repo.ts';
import { groupedDrawLines } from './board.repo.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { boardBetType, boundLimit, loadLimitContext } from './get-board.ts';
import { readCounters } from './limits.repo.ts';
import { type AnomalyInput, recordAnomaly, SEVERITIES, type Severity } from './record-anomaly.ts';
import { findTicketByCode, findTicketClaims } from './tickets.repo.ts';

/** The rules' thresholds (spec 002 "Detección de anomalías"). */
export const ANOMALY_RULES = {
  /** A ticket above 5 × the banca's average ticket of the last 30 days, once it has 20 tickets. */
  bigTicketFactor: 5,
  bigTicketDays: 30,
  bigTicketMinSample: 20,
  /** The same lines (hash) at the same banca within 10 minutes. */
  duplicateMinutes: 10,
  /** A limit counter at 90 % or more. */
  nearLimitBp: 9000,
  /** A number's exposure above 1.5 × its limit in payout terms. */
  exposureFactorTenths: 15,
} as const;

interface Tracker {
  handled: Set<string>;
  /** Draws whose exposure check is running, and whether another sale asked for it meanwhile. */
  exposureRuns: Map<string, { again: boolean }>;
}

/** The exposure check aggregates a whole draw: under a burst of sales it runs at most this often per draw. */
const EXPOSURE_CHECK_INTERVAL_MS = 2000;

const trackers = new WeakMap<Platform, Tracker>();

/** Tests: resolves once the event of this ticket code (or anomaly marker) has been processed. */
export async function anomalyChecksDone(platform: Platform, marker: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tracker = trackers.get(platform);
    if (tracker?.handled.has(marker) && !tracker.exposureRuns.size) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`anomaly checks for ${marker} did not finish`);
}

const text = (value: unknown, max = 200): string | null =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;

const SEVERITY_FLOOR: Record<string, Severity> = {
  late_cancellation: 'high',
  result_change_unauthorized: 'critical',
};

/** `lottery.anomaly` published by another use case (late cancellation, result changes …). */
async function recordPublished(platform: Platform, db: LotteryDb, payload: Record<string, unknown>) {
  const kind = text(payload.kind, 64);
  if (!kind) return null;
  const given: Severity = (SEVERITIES as readonly string[]).includes(String(payload.severity))
    ? (payload.severity as Severity)
    : 'medium';
  // Spec 002 sets a floor for some kinds (an unauthorized result change is always critical).
  const floor = SEVERITY_FLOOR[kind];
  const severity = floor && SEVERITIES.indexOf(floor) > SEVERITIES.indexOf(given) ? floor : given;
  const code = text(payload.code) ?? text(payload.ticket_code);
  const drawId = text(payload.draw_id);
  let entity = text(payload.entity, 64) ?? 'unknown';
  let entityId = text(payload.entity_id) ?? '';
  let bancaId = text(payload.banca_id);
  // Events on PostgreSQL reach every instance (and every schema in tests): keep only our own rows.
  if (code) {
    const ticket = await findTicketByCode(db, code);
    if (!ticket || (bancaId && ticket.banca_id !== bancaId)) return null;
    entity = 'lottery_ticket';
    entityId = code;
    bancaId = ticket.banca_id;
  } else if (drawId) {
    if (!(await findDraw(db, drawId))) return null;
    entity = 'lottery_draw';
    entityId = drawId;
  } else if (text(payload.lottery)) {
    // A refused attempt names the draw by lottery, date and time.
    entity = 'lottery_draw';
    entityId = [payload.lottery, payload.draw_date, payload.draw_time].filter(Boolean).join(' ');
  }
  return recordAnomaly(platform, {
    kind,
    severity,
    entity,
    entityId,
    bancaId,
    drawId,
    details: payload,
    dedupeKey: `${kind}|${sha256(JSON.stringify(payload))}`,
  });
}

/** The rules evaluated after every sale. */
async function checkSale(platform: Platform, db: LotteryDb, payload: Record<string, unknown>) {
  const code = text(payload.code);
  if (!code) return;
  const ticket = await findTicketByCode(db, code);
  if (!ticket || ticket.banca_id !== payload.banca_id) return;
  const now = platform.clock.now().getTime();
  const found: AnomalyInput[] = [];
  const base = { entity: 'lottery_ticket', entityId: code, bancaId: ticket.banca_id, drawId: null };

  const sinceDate = new Date(now - ANOMALY_RULES.bigTicketDays * 86_400_000).toISOString().slice(0, 10);
  const stats = await bancaTicketStats(db, ticket.banca_id, sinceDate, {
    count: ticket.status === 'cancelled' ? 0 : 1,
    totalCents: ticket.status === 'cancelled' ? 0 : Number(ticket.grand_total),
  });
  const total = Number(ticket.grand_total);
  // total > factor × (sum ÷ count), in integers.
  if (
    stats.count >= ANOMALY_RULES.bigTicketMinSample &&
    total * stats.count > ANOMALY_RULES.bigTicketFactor * stats.totalCents
  ) {
    found.push({
      ...base,
      kind: 'big_ticket',
      severity: 'medium',
      details: {
        code,
        amount: total / 100,
        average: Math.round(stats.totalCents / stats.count) / 100,
        sample: stats.count,
        factor: ANOMALY_RULES.bigTicketFactor,
      },
      dedupeKey: `big_ticket|${ticket.id}`,
    });
  }

  const windowStart = new Date(
    Date.parse(ticket.created_at) - ANOMALY_RULES.duplicateMinutes * 60_000,
  ).toISOString();
  const twin = await findSameLinesTicket(
    db,
    ticket.banca_id,
    ticket.lines_hash,
    windowStart,
    ticket.created_at,
    ticket.id,
  );
  if (twin) {
    found.push({
      ...base,
      kind: 'duplicate_ticket',
      severity: 'low',
      details: { code, duplicate_of: twin.code, minutes: ANOMALY_RULES.duplicateMinutes },
      dedupeKey: `duplicate_ticket|${ticket.id}`,
    });
  }

  const claims = await findTicketClaims(db, ticket.id);
  const counters = await readCounters(
    db,
    claims.map((c) => c.key),
  );
  for (const [key, counter] of counters) {
    if (counter.lim <= 0 || counter.sold * 10_000 < ANOMALY_RULES.nearLimitBp * counter.lim) continue;
    const parts = key.split('|');
    found.push({
      kind: 'near_limit',
      severity: 'medium',
      entity: 'lottery_limit_counter',
      entityId: key,
      bancaId: ticket.banca_id,
      drawId: parts[0] === 'D' ? null : parts[1],
      details: {
        key,
        level: parts[0],
        bet_type: parts[0] === 'N' || parts[0] === 'H' || parts[0] === 'T' ? parts[2] : null,
        number: parts[0] === 'N' || parts[0] === 'H' ? parts[3] : null,
        sold: counter.sold / 100,
        limit: counter.lim / 100,
        share: Math.floor((counter.sold * 1000) / counter.lim) / 10,
        code,
      },
      dedupeKey: `near_limit|${key}`,
    });
  }
  for (const anomaly of found) await recordAnomaly(platform, anomaly);
  const drawIds = Array.isArray(payload.draw_ids) ? payload.draw_ids.map(String) : [];
  for (const drawId of drawIds) await checkExposure(platform, db, drawId);
}

/**
 * Exposure > 1.5 × limit: a number's exposure (directo payout if it comes first plus the best payout
 * of every palé/tripleta containing it, network-wide) against its number-level limit expressed as a
 * payout — a payout limit as is, a sales limit × the directo first-prize multiplier. Palés and
 * tripletas are limited on their own counters, so they can pile risk on a number past its directo limit.
 * One run per draw at a time; sales during a run ask for one more.
 */
async function checkExposure(platform: Platform, db: LotteryDb, drawId: string): Promise<void> {
  const tracker = trackers.get(platform)!;
  const running = tracker.exposureRuns.get(drawId);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: true };
  tracker.exposureRuns.set(drawId, state);
  try {
    let lastRun = 0;
    while (state.again) {
      state.again = false;
      const wait = lastRun + EXPOSURE_CHECK_INTERVAL_MS - Date.now();
      if (lastRun > 0 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastRun = Date.now();
      const draw = await findDraw(db, drawId);
      if (!draw) return;
      const [groups, ctx] = await Promise.all([
        groupedDrawLines(db, drawId, {}),
        loadLimitContext(db, draw, { zoneId: '', bancaId: '' }),
      ]);
      const exposure = drawExposure(groups);
      const betType = boardBetType(draw);
      const defaultFirst = betType === 'TIEMPOS' ? DEFAULT_PRIZES.TIEMPOS.hit : DEFAULT_PRIZES.DIRECTO.first;
      for (const n of exposure.numbers.values()) {
        if (n.exposureCents === 0) continue;
        const limit = boundLimit(ctx, betType, n.number, {
          salesCents: n.salesCents,
          payoutCents: n.payoutIfFirstCents,
        });
        if (limit.limitCents === null || limit.measure === null) continue;
        const firsts = groups
          .filter((g) => g.betType === betType && g.number === n.number)
          .map((g) => g.prizeMultipliers[betType === 'TIEMPOS' ? 'hit' : 'first'] ?? 0);
        const first = Math.max(defaultFirst ?? 0, ...firsts);
        const payoutLimit =
          limit.measure === 'payout' ? limit.limitCents : Math.round((limit.limitCents * first) / 100);
        if (n.exposureCents * 10 <= ANOMALY_RULES.exposureFactorTenths * payoutLimit) continue;
        await recordAnomaly(platform, {
          kind: 'exposure_over_limit',
          severity: 'high',
          entity: 'lottery_draw_number',
          entityId: `${drawId}|${n.number}`,
          bancaId: null,
          drawId,
          details: {
            lottery: draw.lottery_code,
            draw_date: draw.draw_date,
            draw_time: draw.draw_time,
            number: n.number,
            exposure: n.exposureCents / 100,
            payout_limit: payoutLimit / 100,
            limit: limit.limitCents / 100,
            measure: limit.measure,
          },
          dedupeKey: `exposure_over_limit|${drawId}|${n.number}`,
        });
      }
    }
  } finally {
    tracker.exposureRuns.delete(drawId);
  }
}

/**
 * Subscribes the anomaly rules to the bus: stores `lottery.anomaly` events published by other use
 * cases and evaluates the sale rules after every `lottery.ticket.sold`. Returns the unsubscribe.
 */
export function startAnomalyDetection(platform: Platform): () => Promise<void> {
  const tracker: Tracker = { handled: new Set(), exposureRuns: new Map() };
  trackers.set(platform, tracker);
  const db = lotteryDb(platform.db);
  const pending = new Set<Promise<void>>();
  let stopped = false;
  const handle = async (event: DomainEvent) => {
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    if (event.type === 'lottery.ticket.sold') {
      await checkSale(platform, db, payload);
      tracker.handled.add(`sold|${String(payload.code)}`);
    } else if (event.type === 'lottery.anomaly') {
      await recordPublished(platform, db, payload);
      tracker.handled.add(`anomaly|${String(payload.kind)}|${String(payload.code ?? payload.draw_id ?? '')}`);
    }
    if (tracker.handled.size > 10_000) tracker.handled.clear();
  };
  const unsubscribe = platform.bus.subscribe((event) => {
    if (stopped || (event.type !== 'lottery.ticket.sold' && event.type !== 'lottery.anomaly')) return;
    const job = handle(event)
      .catch((error) => {
        if (!stopped) console.error('anomaly detection failed', event.type, error);
      })
      .finally(() => pending.delete(job));
    pending.add(job);
  });
  return async () => {
    stopped = true;
    unsubscribe();
    await Promise.allSettled([...pending]);
  };
}
