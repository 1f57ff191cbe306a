import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { findUserIdByUsername, insertAssignment, insertBanca, insertZone, lotteryDb } from './network.repo.ts';

/** The Dominican demo network: zone GRUPO GILBERTO TL with banca 010 LA CENTRAL 10 and its people. */
export async function loadLotteryDemo(platform: Platform): Promise<void> {
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const zoneId = newId();
    await insertZone(db, { id: zoneId, code: 'GIL', name: 'GRUPO GILBERTO TL', active: 1, created_at: at, updated_at: at });
    const bancaId = newId();
    await insertBanca(db, {
      id: bancaId,
      code: '010',
      name: 'LA CENTRAL 10',
      owner_name: 'GILBERTO TL',
      zone_id: zoneId,
      active: 1,
      created_at: at,
      updated_at: at,
    });
    const people: [string, 'banca' | 'zone'][] = [
      ['juan001', 'banca'],
      ['supervisor1', 'zone'],
      ['cobrador1', 'zone'],
    ];
    for (const [username, scope] of people) {
      const userId = await findUserIdByUsername(db, username);
      if (!userId) continue;
      await insertAssignment(db, {
        id: newId(),
        user_id: userId,
        banca_id: scope === 'banca' ? bancaId : null,
        zone_id: scope === 'zone' ? zoneId : null,
        created_at: at,
      });
    }
  });
}
