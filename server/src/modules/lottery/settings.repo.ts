import type { LotteryDb } from './db.ts';

const MODULE = 'lottery';
const OPERATOR_KEY = 'operator';

export async function readOperatorSettingsJson(db: LotteryDb): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('module', '=', MODULE)
    .where('key', '=', OPERATOR_KEY)
    .executeTakeFirst();
  return row?.value_json ?? null;
}

export async function writeOperatorSettingsJson(db: LotteryDb, valueJson: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ module: MODULE, key: OPERATOR_KEY, value_json: valueJson, updated_at: at })
    .onConflict((oc) => oc.columns(['module', 'key']).doUpdateSet({ value_json: valueJson, updated_at: at }))
    .execute();
}
