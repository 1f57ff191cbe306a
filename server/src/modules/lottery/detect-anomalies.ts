import { drawExposure } from '@matriz/shared/lottery/exposure';
import { DEFAULT_PRIZES } from '@matriz/shared/lottery/games';
import { sha256 } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bancaTicketStats, findSameLinesTickets } from './anomalies.repo.ts';
import { groupedDrawLines } from './board.repo.ts';
import { type LotteryDb, lotteryDb } from './db.ts';
import { findDraw } from './draws.repo.ts';
import { boardBetType, boundLimit, loadLimitContext } from './get-board.ts';
import { readCounters } from './limits.repo.ts';
import { type AnomalyInput, recordAnomaly, SEVERITIES, type Severity } from './record-anomaly.ts';
import { claimsOf, findTicketByCode, findTicketsByCodes } from './tickets.repo.ts';

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
  /** Draws sold into since their last exposure check. */
  dirtyDraws: Set<string>;
  /** When each draw's exposure was last checked (ms). */
  checkedAt: Map<string, number>;
  /** Dedupe keys this instance already stored: a counter past 90 % is not re-inserted on every sale. */
  recorded: Set<string>;
  /** A pass is running or scheduled. */
  busy: boolean;
}

/** Sales are checked in passes: everything sold in this window is read back with a few queries. */
const SALES_PASS_MS = 100;
/** The exposure check aggregates a whole draw: under a burst of sales it runs at most this often per draw. */
const EXPOSURE_CHECK_INTERVAL_MS = 2000;
/**
 * With sales spread over many draws the exposure checks could eat the sales' CPU: after a round of
 * checks that took T, the next round waits 9 T (at most a tenth of the time goes to them).
 */
const EXPOSURE_IDLE_FACTOR = 9;

const trackers = new WeakMap<Platform, Tracker>();

/**
 * Tests: resolves once the event of this ticket code (or anomaly marker) has been processed and,
 * unless `exposure` is false, once the draws it touched had their exposure checked (which runs at
 * most every EXPOSURE_CHECK_INTERVAL_MS per draw, so waiting for it costs up to that much).
 */
export async function anomalyChecksDone(
  platform: Platform,
  marker: string,
  { exposure = true, timeoutMs = 5000 }: { exposure?: boolean; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tracker = trackers.get(platform);
    const settled = !exposure || (!tracker?.busy && tracker?.dirtyDraws.size === 0);
    if (tracker?.handled.has(marker) && settled) return;
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

async function recordOnce(platform: Platform, anomaly: AnomalyInput): Promise<void> {
  const recorded = trackers.get(platform)?.recorded;
  if (recorded?.has(anomaly.dedupeKey)) return;
  await recordAnomaly(platform, anomaly);
  if (recorded && recorded.size > 10_000) recorded.clear();
  recorded?.add(anomaly.dedupeKey);
}

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

/** The sale rules (big ticket, duplicate lines, near limit) over the tickets sold since the last pass. */
async function checkSales(platform: Platform, db: LotteryDb, payloads: Record<string, unknown>[]) {
  const bancaOf = new Map(payloads.map((p) => [text(p.code), p.banca_id]));
  // Events on PostgreSQL reach every instance (and every schema in tests): keep only our own tickets.
  const tickets = (
    await findTicketsByCodes(
      db,
      [...bancaOf.keys()].filter((code): code is string => code !== null),
    )
  ).filter((t) => bancaOf.get(t.code) === t.banca_id);
  if (tickets.length === 0) return;
  const now = platform.clock.now().getTime();
  const found: AnomalyInput[] = [];
  const bancaIds = [...new Set(tickets.map((t) => t.banca_id))];

  const sinceDate = new Date(now - ANOMALY_RULES.bigTicketDays * 86_400_000).toISOString().slice(0, 10);
  const statsOf = new Map<string, { count: number; totalCents: number }>();
  for (const bancaId of bancaIds)
    statsOf.set(bancaId, await bancaTicketStats(db, bancaId, sinceDate, { count: 0, totalCents: 0 }));
  const windowStart = new Date(
    Math.min(...tickets.map((t) => Date.parse(t.created_at))) - ANOMALY_RULES.duplicateMinutes * 60_000,
  ).toISOString();
  const sameLines = await findSameLinesTickets(
    db,
    bancaIds,
    [...new Set(tickets.map((t) => t.lines_hash))],
    windowStart,
  );

  const sameLinesOf = new Map<string, typeof sameLines>();
  for (const other of sameLines) {
    const key = `${other.banca_id}|${other.lines_hash}`;
    sameLinesOf.set(key, [...(sameLinesOf.get(key) ?? []), other]);
  }
  for (const ticket of tickets) {
    const code = ticket.code;
    const base = { entity: 'lottery_ticket', entityId: code, bancaId: ticket.banca_id, drawId: null };
    const total = Number(ticket.grand_total);
    // The banca's average leaves this ticket out.
    const live = ticket.status === 'cancelled' ? 0 : 1;
    const banca = statsOf.get(ticket.banca_id)!;
    const count = Math.max(0, banca.count - live);
    const totalCents = Math.max(0, banca.totalCents - live * total);
    // total > factor × (sum ÷ count), in integers.
    if (
      count >= ANOMALY_RULES.bigTicketMinSample &&
      total * count > ANOMALY_RULES.bigTicketFactor * totalCents
    ) {
      found.push({
        ...base,
        kind: 'big_ticket',
        severity: 'medium',
        details: {
          code,
          amount: total / 100,
          average: Math.round(totalCents / count) / 100,
          sample: count,
          factor: ANOMALY_RULES.bigTicketFactor,
        },
        dedupeKey: `big_ticket|${ticket.id}`,
      });
    }
    const since = new Date(
      Date.parse(ticket.created_at) - ANOMALY_RULES.duplicateMinutes * 60_000,
    ).toISOString();
    const twin = (sameLinesOf.get(`${ticket.banca_id}|${ticket.lines_hash}`) ?? []).find(
      (other) => other.id !== ticket.id && other.created_at >= since && other.created_at <= ticket.created_at,
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
  }

  const claims = tickets.flatMap(claimsOf);
  const counters = await readCounters(db, [...new Set(claims.map((c) => c.key))]);
  const ticketOf = new Map(tickets.map((t) => [t.id, t]));
  const claimant = new Map(claims.map((c) => [c.key, ticketOf.get(c.ticket_id)!]));
  for (const [key, counter] of counters) {
    if (counter.lim <= 0 || counter.sold * 10_000 < ANOMALY_RULES.nearLimitBp * counter.lim) continue;
    const ticket = claimant.get(key)!;
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
        code: ticket.code,
      },
      dedupeKey: `near_limit|${key}`,
    });
  }
  for (const anomaly of found) await recordOnce(platform, anomaly);
}

/**
 * Exposure > 1.5 × limit: a number's exposure (directo payout if it comes first plus the best payout
 * of every palé/tripleta containing it, network-wide) against its number-level limit expressed as a
 * payout — a payout limit as is, a sales limit × the directo first-prize multiplier. Palés and
 * tripletas are limited on their own counters, so they can pile risk on a number past its directo limit.
 */
async function checkExposure(platform: Platform, db: LotteryDb, drawId: string): Promise<void> {
  const draw = await findDraw(db, drawId);
  if (!draw) return;
  const [groups, ctx] = await Promise.all([
    groupedDrawLines(lotteryDb(platform.database.reader), drawId, {}),
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
    await recordOnce(platform, {
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

/**
 * Subscribes the anomaly rules to the bus: stores `lottery.anomaly` events published by other use
 * cases as they come, and checks the tickets sold in passes (every SALES_PASS_MS while sales keep
 * coming), each draw's exposure at most every EXPOSURE_CHECK_INTERVAL_MS. Returns the unsubscribe.
 */
export function startAnomalyDetection(platform: Platform): () => Promise<void> {
  const tracker: Tracker = {
    handled: new Set(),
    dirtyDraws: new Set(),
    checkedAt: new Map(),
    recorded: new Set(),
    busy: false,
  };
  trackers.set(platform, tracker);
  const db = lotteryDb(platform.db);
  const pending = new Set<Promise<void>>();
  const sold: Record<string, unknown>[] = [];
  let timer: NodeJS.Timeout | null = null;
  let timerDue = 0;
  let exposureNotBefore = 0;
  let stopped = false;
  const remember = (marker: string) => {
    if (tracker.handled.size > 10_000) tracker.handled.clear();
    tracker.handled.add(marker);
  };

  const pass = async () => {
    const sales = sold.splice(0);
    if (sales.length > 0) {
      await checkSales(platform, db, sales);
      for (const sale of sales) remember(`sold|${String(sale.code)}`);
    }
    if (Date.now() < exposureNotBefore) return;
    const started = Date.now();
    for (const drawId of [...tracker.dirtyDraws]) {
      if (stopped) return;
      if ((tracker.checkedAt.get(drawId) ?? 0) + EXPOSURE_CHECK_INTERVAL_MS > Date.now()) continue;
      tracker.dirtyDraws.delete(drawId);
      tracker.checkedAt.set(drawId, Date.now());
      await checkExposure(platform, db, drawId);
    }
    exposureNotBefore = Date.now() + EXPOSURE_IDLE_FACTOR * (Date.now() - started);
  };
  const nextDelay = (): number | null => {
    if (sold.length > 0) return SALES_PASS_MS;
    if (tracker.dirtyDraws.size === 0) return null;
    const due = Math.max(
      exposureNotBefore,
      Math.min(
        ...[...tracker.dirtyDraws].map((id) => (tracker.checkedAt.get(id) ?? 0) + EXPOSURE_CHECK_INTERVAL_MS),
      ),
    );
    return Math.max(0, due - Date.now());
  };
  const track = (job: Promise<void>, what: string) => {
    const tracked = job
      .catch((error) => {
        if (!stopped) console.error('anomaly detection failed', what, error);
      })
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
    return tracked;
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    tracker.busy = true;
    timerDue = Date.now() + delay;
    timer = setTimeout(() => {
      timer = null;
      void track(pass(), 'lottery.ticket.sold').finally(() => {
        const delay = nextDelay();
        if (delay === null || stopped) tracker.busy = false;
        else schedule(delay);
      });
    }, delay);
  };

  const unsubscribe = platform.bus.subscribe((event) => {
    if (stopped) return;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    if (event.type === 'lottery.ticket.sold') {
      sold.push(payload);
      if (Array.isArray(payload.draw_ids))
        for (const id of payload.draw_ids) tracker.dirtyDraws.add(String(id));
      // A pass waiting for a draw's exposure check must not hold this sale's checks back that long.
      if (!tracker.busy) schedule(SALES_PASS_MS);
      else if (timer && timerDue > Date.now() + SALES_PASS_MS) {
        clearTimeout(timer);
        schedule(SALES_PASS_MS);
      }
    } else if (event.type === 'lottery.anomaly') {
      void track(
        recordPublished(platform, db, payload).then(() =>
          remember(`anomaly|${String(payload.kind)}|${String(payload.code ?? payload.draw_id ?? '')}`),
        ),
        event.type,
      );
    }
  });
  return async () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
    timer = null;
    await Promise.allSettled([...pending]);
  };
}
