import { monthOf } from '@matriz/shared/bakery/projection';
import {
  type Category,
  computeSale,
  type DocumentKind,
  documentCode,
  quantitiesOf,
  type SaleProduct,
} from '@matriz/shared/bakery/sale-math';
import { systemActor } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { findUserByUsername, insertUser } from '../../platform/auth/users.repo.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, writeSetting } from './bakery.repo.ts';
import { insertDocumentsWithLines } from './documents.repo.ts';
import { loadCalendar } from './load-calendar.ts';
import { insertProducts } from './products.repo.ts';
import { insertSalesWithLines } from './sales.repo.ts';
import { insertSellers } from './sellers.repo.ts';
import { bakeryToday, DEFAULT_SETTINGS } from './settings.ts';
import type {
  BakeryDocumentLinesTable,
  BakeryDocumentsTable,
  BakeryProductsTable,
  BakerySaleLinesTable,
  BakerySalesTable,
} from './tables.ts';

const PANADERIA = [
  'Pan francés',
  'Pan blandito',
  'Pan integral',
  'Pan de queso',
  'Mogolla chicharrona',
  'Mogolla integral',
  'Pan aliñado',
  'Pan de sal',
  'Pan tajado',
  'Pan trenza',
  'Roscón de arequipe',
  'Pan coco',
  'Croissant',
  'Pan de yuca',
  'Almojábana',
  'Pandebono',
  'Pan hamburguesa',
  'Pan perro',
  'Baguette',
  'Pan campesino',
];
const BIZCOCHERIA = [
  'Ponqué tajado',
  'Brazo de reina',
  'Milhoja',
  'Galleta de avena',
  'Galleta de mantequilla',
  'Mantecada',
  'Torta de naranja',
  'Torta negra',
  'Bizcocho de achira',
  'Rollo de canela',
  'Lengua de suegra',
  'Alfajor',
  'Merengue',
  'Cuca',
  'Polvorosa',
  'Torta de zanahoria',
  'Brownie',
  'Muffin de arándanos',
  'Pie de manzana',
  'Besitos de coco',
];

/** ruta1 comes with the platform demo; ruta2…ruta8 are added here. Rates in basis points. */
const SELLERS: { username: string; fullName: string; panaderia: number; bizcocheria: number }[] = [
  { username: 'ruta1', fullName: 'Carlos Ruta Uno', panaderia: 1000, bizcocheria: 1500 },
  { username: 'ruta2', fullName: 'Luz Marina Ruta Dos', panaderia: 1200, bizcocheria: 1400 },
  { username: 'ruta3', fullName: 'Jhon Fredy Ruta Tres', panaderia: 800, bizcocheria: 1250 },
  { username: 'ruta4', fullName: 'Yolanda Ruta Cuatro', panaderia: 1100, bizcocheria: 1600 },
  { username: 'ruta5', fullName: 'Edwin Ruta Cinco', panaderia: 900, bizcocheria: 1300 },
  { username: 'ruta6', fullName: 'Sandra Ruta Seis', panaderia: 1050, bizcocheria: 1550 },
  { username: 'ruta7', fullName: 'Wilson Ruta Siete', panaderia: 1250, bizcocheria: 1750 },
  { username: 'ruta8', fullName: 'Gloria Ruta Ocho', panaderia: 950, bizcocheria: 1450 },
];

/** A small deterministic generator so every demo database has the same figures. */
function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
  };
}

function dayBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The bakery demo: 40 products, 8 route sellers with different rates and the last 30 days of
 * documents and sales (business days only, up to yesterday), so today is free to work on.
 */
export async function loadBakeryDemo(platform: Platform): Promise<void> {
  const at = platform.clock.now().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = seeded(20260129);
  const today = await bakeryToday(platform);
  const from = dayBefore(today, 30);
  const months = [...new Set([monthOf(from), monthOf(today)])];
  const db = bakeryDb(platform.db);
  const businessDays = (await Promise.all(months.map((m) => loadCalendar(db, m))))
    .flat()
    .filter((d) => d.businessDay && d.date >= from && d.date < today)
    .map((d) => d.date);

  const products: BakeryProductsTable[] = [
    ...PANADERIA.map((name, i) => ({
      name,
      category: 'panaderia' as Category,
      code: `P${String(i + 1).padStart(3, '0')}`,
      price: 300 + i * 50,
    })),
    ...BIZCOCHERIA.map((name, i) => ({
      name,
      category: 'bizcocheria' as Category,
      code: `B${String(i + 1).padStart(3, '0')}`,
      price: 800 + i * 150,
    })),
  ].map((p) => ({
    id: newId(),
    code: p.code,
    name: p.name,
    price_cents: p.price * 100,
    category: p.category,
    active: 1,
    created_at: at,
    updated_at: at,
  }));
  const catalog = new Map<string, SaleProduct>(
    products.map((p) => [
      p.id,
      { id: p.id, code: p.code, name: p.name, category: p.category, priceCents: p.price_cents },
    ]),
  );

  await platform.db.transaction().execute(async (trx) => {
    const tx = bakeryDb(trx);
    await writeSetting(tx, 'general', { ...DEFAULT_SETTINGS, name: 'Panadería La Espiga' }, at);
    await insertProducts(tx, products);
    const existing = await findUserByUsername(trx, 'ruta1');
    const sellerIds = new Map<string, string>();
    for (const seller of SELLERS) {
      if (seller.username === 'ruta1' && existing) {
        sellerIds.set(seller.username, existing.id);
        continue;
      }
      const id = newId();
      sellerIds.set(seller.username, id);
      await insertUser(
        tx,
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
        ['route_seller'],
      );
    }
    await insertSellers(
      tx,
      SELLERS.map((s) => ({
        user_id: sellerIds.get(s.username)!,
        commission_panaderia_bp: s.panaderia,
        commission_bizcocheria_bp: s.bizcocheria,
        active: 1,
        created_at: at,
        updated_at: at,
      })),
    );

    const documents: BakeryDocumentsTable[] = [];
    const documentLines: BakeryDocumentLinesTable[] = [];
    const sales: BakerySalesTable[] = [];
    const saleLines: BakerySaleLinesTable[] = [];
    const sequence: Record<DocumentKind, number> = { PD: 0, EX: 0, DV: 0 };
    const addDocument = (kind: DocumentKind, sellerId: string, date: string, lines: Map<string, number>) => {
      const id = newId();
      sequence[kind] += 1;
      documents.push({
        id,
        code: documentCode(kind, sequence[kind]),
        kind,
        seller_id: sellerId,
        doc_date: date,
        comments: '',
        status: 'usado',
        sale_id: null,
        used_as_return_sale_id: null,
        used_as_previous_sale_id: null,
        created_by: sellerId,
        created_at: `${date}T11:00:00.000Z`,
        updated_at: at,
      });
      for (const [productId, quantity] of lines)
        documentLines.push({ document_id: id, product_id: productId, quantity });
      return documents[documents.length - 1];
    };
    const pickLines = (count: number, min: number, max: number) => {
      const lines = new Map<string, number>();
      while (lines.size < count)
        lines.set(products[random.int(0, products.length - 1)].id, random.int(min, max));
      return lines;
    };

    for (const seller of SELLERS) {
      const sellerId = sellerIds.get(seller.username)!;
      const rates = { panaderia: seller.panaderia, bizcocheria: seller.bizcocheria };
      let previous: { document: BakeryDocumentsTable; lines: Map<string, number> } | null = null;
      for (const date of businessDays) {
        const saleId = newId();
        const pedidoLines = pickLines(random.int(6, 12), 10, 60);
        const pedido = addDocument('PD', sellerId, date, pedidoLines);
        pedido.sale_id = saleId;
        const extras = random.chance(0.3) ? [pickLines(random.int(1, 3), 5, 20)] : [];
        for (const lines of extras) addDocument('EX', sellerId, date, lines).sale_id = saleId;
        const carried = new Map(pedidoLines);
        for (const [id, q] of previous?.lines ?? []) carried.set(id, (carried.get(id) ?? 0) + q);
        const returnLines = new Map<string, number>();
        for (const [id, q] of carried)
          if (random.chance(0.35)) returnLines.set(id, random.int(1, Math.max(1, Math.floor(q / 4))));
        const computation = computeSale({
          products: catalog,
          rates,
          previousReturn: previous?.lines ?? new Map(),
          pedido: pedidoLines,
          extras: extras.map((e) =>
            quantitiesOf([...e].map(([productId, quantity]) => ({ productId, quantity }))),
          ),
          dayReturn: returnLines,
        });
        if (previous) previous.document.used_as_previous_sale_id = saleId;
        const dayReturn = returnLines.size > 0 ? addDocument('DV', sellerId, date, returnLines) : null;
        if (dayReturn) dayReturn.used_as_return_sale_id = saleId;
        previous = dayReturn ? { document: dayReturn, lines: returnLines } : null;
        sales.push({
          id: saleId,
          seller_id: sellerId,
          sale_date: date,
          status: 'confirmada',
          value_cents: computation.total.valueCents,
          commission_cents: computation.total.commissionCents,
          payable_cents: computation.total.payableCents,
          created_by: sellerId,
          created_at: `${date}T22:00:00.000Z`,
          annulled_at: null,
          annul_reason: null,
        });
        for (const l of computation.lines) {
          saleLines.push({
            sale_id: saleId,
            product_id: l.productId,
            product_code: l.code,
            product_name: l.name,
            category: l.category,
            previous_qty: l.previousQty,
            pedido_qty: l.pedidoQty,
            extras_qty: l.extrasQty,
            return_qty: l.returnQty,
            quantity: l.quantity,
            unit_price_cents: l.unitPriceCents,
            commission_bp: l.commissionBp,
            value_cents: l.valueCents,
            commission_cents: l.commissionCents,
            payable_cents: l.payableCents,
          });
        }
      }
    }
    await insertSalesWithLines(tx, sales, saleLines);
    await insertDocumentsWithLines(tx, documents, documentLines);
    await tx
      .insertInto('counters')
      .values(
        (Object.keys(sequence) as DocumentKind[]).map((kind) => ({
          name: `bakery.document.${kind}`,
          value: sequence[kind],
        })),
      )
      .execute();
    await platform.audit(
      trx,
      { ...systemActor, username: 'demo' },
      {
        entity: 'bakery_demo',
        action: 'load',
        after: {
          products: products.length,
          sellers: SELLERS.length,
          documents: documents.length,
          sales: sales.length,
        },
      },
    );
  });
}
