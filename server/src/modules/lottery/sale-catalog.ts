import type { OperatorSettings } from '@matriz/shared/api/lottery-catalog';
import type { HotNumber, LimitRule } from '@matriz/shared/lottery/limits';
import type { App } from '../../platform/http/types.ts';
import type { Platform } from '../../platform/platform.ts';
import { listBetTypeStates } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';
import { getOperatorSettings } from './get-operator-settings.ts';
import { findBlockedNumbers, findHotNumbers, findLimitRules, readRulesGeneration } from './limits.repo.ts';
import { type BancaRow, findBancasOfUser } from './network.repo.ts';
import type { CommissionRow, PrizeRow } from './prizes.repo.ts';
import { layerPrizes, type ResolvedPrize } from './resolve-prizes.ts';
import {
  findAllCommissionRows,
  findAllPrizeRows,
  findSaleLotteries,
  findUnresultedDraws,
} from './sale-context.repo.ts';

type Awaited2<T> = T extends Promise<infer U> ? U : T;

export interface SaleCatalogSnapshot {
  settings: OperatorSettings;
  lotteries: Awaited2<ReturnType<typeof findSaleLotteries>>;
  draws: Map<string, Awaited2<ReturnType<typeof findUnresultedDraws>>[number]>;
  prizeRows: PrizeRow[];
  commissionRows: CommissionRow[];
  /** Read before the rules: a change committed meanwhile makes the plans look older, never newer. */
  rulesGeneration: number;
  rules: LimitRule[];
  hotNumbers: HotNumber[];
  blocks: Awaited2<ReturnType<typeof findBlockedNumbers>>;
  /** Bet types the operator switched off: no line of theirs sells. */
  inactiveBetTypes: ReadonlySet<string>;
  bancasOf(userId: string): Promise<BancaRow[]>;
  /** The effective prize table of a draw at a banca, layered once per snapshot. */
  prizeTable(bancaId: string, draw: { id: string; lottery_id: string }): Map<string, ResolvedPrize>;
}

/**
 * What every sale reads but almost never changes (settings, lotteries, draws, prize and commission
 * tables, limit rules, blocks, bet types switched off), read once and shared for a moment instead of
 * ten queries per sale.
 * A change made through this process is seen at once (`invalidate`); one made elsewhere within
 * `ttlMs`. Selling stays exact: the clock still decides each draw's close, and the limit counters
 * are consumed atomically in the database.
 */
export class SaleCatalog {
  private current: Promise<SaleCatalogSnapshot> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly platform: Platform,
    private readonly ttlMs = 1000,
  ) {}

  snapshot(): Promise<SaleCatalogSnapshot> {
    if (!this.current || Date.now() - this.loadedAt > this.ttlMs) {
      this.loadedAt = Date.now();
      this.current = this.load();
      this.current.catch(() => {
        this.current = null;
      });
    }
    return this.current;
  }

  invalidate(): void {
    this.current = null;
  }

  private async load(): Promise<SaleCatalogSnapshot> {
    const db = lotteryDb(this.platform.db);
    const rulesGeneration = await readRulesGeneration(db);
    const [settings, lotteries, draws, prizeRows, commissionRows, rules, hotNumbers, blocks, betTypes] =
      await Promise.all([
        getOperatorSettings(db, this.platform.config),
        findSaleLotteries(db),
        findUnresultedDraws(db),
        findAllPrizeRows(db),
        findAllCommissionRows(db),
        findLimitRules(db, null, null),
        findHotNumbers(db, null),
        findBlockedNumbers(db, null, null),
        listBetTypeStates(db),
      ]);
    const bancas = new Map<string, Promise<BancaRow[]>>();
    const prizeTables = new Map<string, Map<string, ResolvedPrize>>();
    return {
      settings,
      lotteries,
      draws: new Map(draws.map((d) => [d.id, d])),
      prizeRows,
      commissionRows,
      rulesGeneration,
      rules,
      hotNumbers,
      blocks,
      inactiveBetTypes: new Set(betTypes.filter((t) => t.active === 0).map((t) => t.code)),
      bancasOf: (userId) => {
        let found = bancas.get(userId);
        if (!found) {
          found = findBancasOfUser(db, userId);
          bancas.set(userId, found);
        }
        return found;
      },
      prizeTable: (bancaId, draw) => {
        const key = `${bancaId}|${draw.id}`;
        let table = prizeTables.get(key);
        if (!table) {
          table = layerPrizes(prizeRows, { bancaId, lotteryId: draw.lottery_id, drawId: draw.id });
          prizeTables.set(key, table);
        }
        return table;
      },
    };
  }
}

const catalogs = new WeakMap<Platform, SaleCatalog>();

/**
 * Every catalog change (bancas, lotteries, draws, prizes, commissions, limits, blocks, settings)
 * goes through a lottery route other than selling; once it has answered, it has committed.
 */
export function invalidateCatalogAfterChanges(app: App, platform: Platform): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (request.method === 'GET' || reply.statusCode >= 400 || !path.startsWith('/api/v1/lottery/')) return;
    if (path.startsWith('/api/v1/lottery/tickets')) return;
    saleCatalog(platform).invalidate();
  });
}

/** One catalog per running application. */
export function saleCatalog(platform: Platform): SaleCatalog {
  let catalog = catalogs.get(platform);
  if (!catalog) {
    catalog = new SaleCatalog(platform);
    catalogs.set(platform, catalog);
  }
  return catalog;
}
