import { BET_TYPES, DEFAULT_PRIZES, prizeTableKeys } from '@matriz/shared/lottery/games';
import { percentToBasisPoints, toCents } from '@matriz/shared/money';
import type { Actor } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { insertUser } from '../../platform/auth/users.repo.ts';
import type { DemoProfile } from '../../platform/config.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { insertLotteries, insertSchedules } from './catalog.repo.ts';
import { lotteryDb } from './db.ts';
import { CR_NETWORK, type DemoNetwork, DR_NETWORK } from './demo-catalog.ts';
import { generateDrawsForSalesWindow } from './generate-draws.ts';
import { findUserIdsByUsername, insertAgents, insertAssignments, insertBancas } from './network.repo.ts';
import { insertCommissionRows, insertPrizeRows } from './prizes.repo.ts';
import { DEFAULT_CANCEL_WINDOW_MINUTES } from './save-banca.ts';
import { writeOperatorSettingsJson } from './settings.repo.ts';
import type { LotteryBancasTable, LotteryLotteriesTable } from './tables.ts';

const demoActor: Actor = { userId: null, username: 'demo', ip: null };

/**
 * The demo network of a profile: `dr` (spec 002: zone GRUPO GILBERTO TL, banca 010 LA CENTRAL 10,
 * ≈70 draws a day, spec 002's commissions) or `cr` (Costa Rica tiempos in colones). Then the draws
 * of today and the sales window.
 */
export async function loadLotteryDemo(
  platform: Platform,
  profile: Exclude<DemoProfile, 'none'>,
): Promise<void> {
  const network = profile === 'cr' ? CR_NETWORK : DR_NETWORK;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await platform.db.transaction().execute(async (trx) => {
    const db = lotteryDb(trx);
    const at = platform.clock.now().toISOString();
    await writeOperatorSettingsJson(db, JSON.stringify(network.settings), at);

    const zoneIds = new Map(network.zones.map((z) => [z.code, newId()]));
    await db
      .insertInto('lottery_zones')
      .values(
        network.zones.map((z) => ({
          id: zoneIds.get(z.code)!,
          code: z.code,
          name: z.name,
          active: 1,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();

    const bancas = network.bancas.map((b) =>
      bancaRow(network, b.code, b.name, b.owner, zoneIds.get(b.zone)!, at),
    );
    await insertBancas(db, bancas);
    const bancaIds = new Map(bancas.map((b) => [b.code, b.id]));

    const existing = await findUserIdsByUsername(db, [
      ...network.bancas.map((b) => b.seller.username),
      'supervisor1',
      'cobrador1',
    ]);
    for (const { seller } of network.bancas) {
      if (existing.has(seller.username)) continue;
      const id = newId();
      await insertUser(
        trx,
        {
          id,
          username: seller.username,
          full_name: seller.fullName,
          email: null,
          password_hash: passwordHash,
          active: 1,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          created_at: at,
          updated_at: at,
          last_login_at: null,
          version: 1,
        },
        ['vendedor'],
      );
      existing.set(seller.username, id);
    }
    const firstZone = network.zones[0].code;
    await insertAssignments(db, [
      ...network.bancas.map((b) => ({
        id: newId(),
        user_id: existing.get(b.seller.username)!,
        banca_id: bancaIds.get(b.code)!,
        zone_id: null,
        role: 'vendedor',
        target_key: `banca:${bancaIds.get(b.code)}`,
        created_at: at,
      })),
      ...(['supervisor1', 'cobrador1'] as const)
        .filter((username) => existing.has(username))
        .map((username) => ({
          id: newId(),
          user_id: existing.get(username)!,
          banca_id: null,
          zone_id: zoneIds.get(firstZone)!,
          role: username === 'supervisor1' ? 'supervisor' : 'cobrador',
          target_key: `zone:${zoneIds.get(firstZone)}`,
          created_at: at,
        })),
    ]);

    await insertAgents(
      db,
      network.agents.map((a) => ({
        id: newId(),
        code: a.code,
        name: a.name,
        phone: a.phone,
        zone_id: zoneIds.get(a.zone)!,
        commission_bp: percentToBasisPoints(a.commissionPercent)!,
        active: 1,
        created_at: at,
        updated_at: at,
      })),
    );

    const lotteryIds = new Map(network.lotteries.map((l) => [l.code, newId()]));
    const lotteries: LotteryLotteriesTable[] = network.lotteries.map((l, index) => ({
      id: lotteryIds.get(l.code)!,
      code: l.code,
      name: l.name,
      country: l.country,
      time_zone: l.timeZone,
      result_format: l.format,
      source_a_id: l.sources ? lotteryIds.get(l.sources[0])! : null,
      source_b_id: l.sources ? lotteryIds.get(l.sources[1])! : null,
      sort_order: (index + 1) * 10,
      active: 1,
      created_at: at,
      updated_at: at,
    }));
    // Composites point at their sources, so sources go first.
    await insertLotteries(
      db,
      lotteries.filter((l) => !l.source_a_id),
    );
    await insertLotteries(
      db,
      lotteries.filter((l) => l.source_a_id),
    );
    await insertSchedules(
      db,
      network.lotteries.flatMap((l) =>
        l.slots.map((s) => ({
          id: newId(),
          lottery_id: lotteryIds.get(l.code)!,
          weekday: s.weekday,
          close_time: s.closeTime,
          draw_time: s.drawTime,
          created_at: at,
        })),
      ),
    );

    await insertPrizeRows(db, [
      ...prizeTableKeys()
        .filter(({ betType }) =>
          network.lotteries.some((l) => BET_TYPES[betType].resultFormats.includes(l.format)),
        )
        .map(({ betType, prizeClass }) => ({
          id: newId(),
          scope: 'default',
          scope_id: '',
          bet_type: betType,
          prize_class: prizeClass,
          multiplier: DEFAULT_PRIZES[betType][prizeClass],
          updated_at: at,
        })),
      ...network.prizeOverrides.map((o) => ({
        id: newId(),
        scope: o.scope,
        scope_id: (o.scope === 'banca' ? bancaIds.get(o.code) : lotteryIds.get(o.code))!,
        bet_type: o.betType,
        prize_class: o.prizeClass,
        multiplier: toCents(o.multiplier)!,
        updated_at: at,
      })),
    ]);
    await insertCommissionRows(
      db,
      bancas.flatMap((banca) =>
        Object.entries(network.commissions).map(([betType, percent]) => ({
          id: newId(),
          banca_scope: banca.id,
          lottery_scope: '*',
          bet_type: betType,
          rate_bp: percentToBasisPoints(percent)!,
          updated_at: at,
        })),
      ),
    );

    await platform.audit(trx, demoActor, {
      entity: 'lottery_demo',
      action: 'load',
      after: {
        profile,
        zones: network.zones.length,
        bancas: bancas.length,
        lotteries: lotteries.length,
        weekly_slots: network.lotteries.reduce((n, l) => n + l.slots.length, 0),
      },
    });
  });
  await generateDrawsForSalesWindow(platform, demoActor);
}

function bancaRow(
  network: DemoNetwork,
  code: string,
  name: string,
  owner: string,
  zoneId: string,
  at: string,
): LotteryBancasTable {
  const [footer1, footer2, footer3] = network.settings.footer_lines;
  return {
    id: newId(),
    code,
    name,
    owner_name: owner,
    zone_id: zoneId,
    active: 1,
    opens_at: null,
    closes_at: null,
    print_format: network.settings.print_format,
    print_copies: network.settings.print_copies,
    footer_line1: footer1,
    footer_line2: footer2,
    footer_line3: footer3,
    show_prize_table: network.settings.show_prize_table ? 1 : 0,
    cancel_window_minutes: DEFAULT_CANCEL_WINDOW_MINUTES,
    max_cancels_per_day: 10,
    max_cancel_amount_cents: 500_000,
    max_ticket_amount_cents: 5_000_000,
    daily_sales_limit_cents: 50_000_000,
    credit_limit_cents: 10_000_000,
    deactivation_balance_cents: -5_000_000,
    accept_partial_lines: 1,
    created_at: at,
    updated_at: at,
  };
}
