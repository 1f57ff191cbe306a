import { deleteLotteryRow, findLottery, lotteryUses } from './catalog.repo.ts';
import type { LotteryDb } from './db.ts';
import {
  bancaUses,
  deleteAgentRow,
  deleteBancaRow,
  deleteZoneRow,
  findAgent,
  findBanca,
  findZone,
  zoneUses,
} from './network.repo.ts';

/** The records admins deactivate, reactivate and (when never used) delete, with how to do each. */
export const RECORD_KINDS = {
  zone: {
    entity: 'lottery_zone',
    table: 'lottery_zones',
    find: findZone,
    uses: zoneUses,
    remove: deleteZoneRow,
  },
  banca: {
    entity: 'lottery_banca',
    table: 'lottery_bancas',
    find: findBanca,
    uses: bancaUses,
    remove: deleteBancaRow,
  },
  agent: {
    entity: 'lottery_agent',
    table: 'lottery_agents',
    find: findAgent,
    uses: async () => 0,
    remove: deleteAgentRow,
  },
  lottery: {
    entity: 'lottery_lottery',
    table: 'lottery_lotteries',
    find: findLottery,
    uses: lotteryUses,
    remove: deleteLotteryRow,
  },
} as const satisfies Record<
  string,
  {
    entity: string;
    table: 'lottery_zones' | 'lottery_bancas' | 'lottery_agents' | 'lottery_lotteries';
    find: (db: LotteryDb, id: string) => Promise<unknown>;
    uses: (db: LotteryDb, id: string) => Promise<number>;
    remove: (db: LotteryDb, id: string) => Promise<void>;
  }
>;

export type RecordKind = keyof typeof RECORD_KINDS;

/** The four tables share id, active and updated_at; one update serves them all. */
export async function updateActiveFlag(
  db: LotteryDb,
  kind: RecordKind,
  id: string,
  active: boolean,
  at: string,
) {
  await db
    .updateTable(RECORD_KINDS[kind].table as 'lottery_zones')
    .set({ active: active ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}
