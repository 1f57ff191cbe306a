import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as auditApi from '../api/audit.ts';
import * as authApi from '../api/auth.ts';
import * as bakeryApi from '../api/bakery.ts';
import * as basketsApi from '../api/bakery-baskets.ts';
import * as commonApi from '../api/common.ts';
import * as jobsApi from '../api/jobs.ts';
import * as catalogApi from '../api/lottery-catalog.ts';
import * as moneyApi from '../api/lottery-money.ts';
import * as resultsApi from '../api/lottery-results.ts';
import * as riskApi from '../api/lottery-risk.ts';
import * as ticketsApi from '../api/lottery-tickets.ts';
import * as notificationsApi from '../api/notifications.ts';
import * as usersApi from '../api/users.ts';
import { fieldPlace } from './field-place.ts';
import { catalogs } from './translate.ts';

describe('un campo dicho con palabras', () => {
  it('nombra el campo y la línea de una colección, contando desde 1', () => {
    expect(fieldPlace('es', 'body.lines.1.quantity')).toBe('«cantidad» de la línea 2');
    expect(fieldPlace('en', 'body.lines.1.quantity')).toBe('“quantity” on line 2');
    expect(fieldPlace('es', 'body.entries.5.multiplier')).toBe('«multiplicador» de la entrada 6');
    expect(fieldPlace('es', 'body.lines.0.bet_amount')).toBe('«monto» de la línea 1');
  });

  it('una posición al final nombra el elemento entero', () => {
    expect(fieldPlace('es', 'slots.0')).toBe('el horario 1');
    expect(fieldPlace('en', 'slots.0')).toBe('time slot 1');
    expect(fieldPlace('es', 'entries.3')).toBe('la entrada 4');
    expect(fieldPlace('es', 'body.draw_ids.2')).toBe('el sorteo 3');
  });

  it('sin el lugar de la solicitud (body, query, params, headers)', () => {
    expect(fieldPlace('es', 'headers.idempotency-key')).toBe('«clave de idempotencia»');
    expect(fieldPlace('en', 'headers.idempotency-key')).toBe('“idempotency key”');
    expect(fieldPlace('es', 'querystring.page_size')).toBe('«tamaño de página»');
    expect(fieldPlace('es', 'params.id')).toBe('«identificador»');
    expect(fieldPlace('es', 'banca_id')).toBe('«banca»');
    expect(fieldPlace('es', 'body.configuration.global_discount')).toBe('«descuento»');
  });

  it('la solicitud entera cuando no hay campo', () => {
    expect(fieldPlace('es', 'body')).toBe('la solicitud');
    expect(fieldPlace('en', 'querystring')).toBe('the request');
    expect(fieldPlace('es', '')).toBe('la solicitud');
  });

  it('un nombre desconocido se dice con espacios, también dentro de una colección desconocida', () => {
    expect(fieldPlace('es', 'body.cosa_rara')).toBe('«cosa rara»');
    expect(fieldPlace('es', 'body.cajas.0.peso_neto')).toBe('«peso neto» del elemento 1 de «cajas»');
    expect(fieldPlace('en', 'body.boxes.2')).toBe('item 3 of “boxes”');
    expect(fieldPlace('es', 'body.0')).toBe('el elemento 1 de la solicitud');
    expect(fieldPlace('es', 'body.limits.constructor')).toBe('«constructor»');
  });

  it('colecciones anidadas: de dentro hacia fuera', () => {
    expect(fieldPlace('es', 'entries.1.lines.0.quantity')).toBe('«cantidad» de la línea 1 de la entrada 2');
    expect(fieldPlace('en', 'entries.1.lines.0')).toBe('line 1 in entry 2');
  });
});

type Shape = Record<string, unknown>;
const isSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType;
/** What a client sends: bodies, queries and path parameters (ErrorBody is what the server answers). */
const isInput = (name: string) =>
  (/(Body|Query|Params|Patch|Filter)$/.test(name) && name !== 'ErrorBody') || name === 'OperatorSettings';

/** Every property name of a JSON Schema, at any depth. */
function propertyNames(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) propertyNames(item, into);
  else if (node !== null && typeof node === 'object') {
    const properties = (node as Shape).properties;
    if (properties && typeof properties === 'object')
      for (const name of Object.keys(properties)) into.add(name);
    for (const child of Object.values(node)) propertyNames(child, into);
  }
  return into;
}

describe('diccionario de campos', () => {
  const fieldsOf = (language: 'es' | 'en') => catalogs[language].fields as Shape;

  it('español e inglés nombran los mismos campos, con la misma forma', () => {
    const shape = (language: 'es' | 'en') =>
      Object.entries(fieldsOf(language))
        .map(
          ([name, entry]) => `${name}:${typeof entry === 'string' ? 'label' : Object.keys(entry as Shape)}`,
        )
        .sort();
    expect(shape('en')).toEqual(shape('es'));
  });

  it('cada campo que un cliente envía en la API tiene palabras', () => {
    const modules = [
      auditApi,
      authApi,
      bakeryApi,
      basketsApi,
      commonApi,
      jobsApi,
      catalogApi,
      moneyApi,
      resultsApi,
      riskApi,
      ticketsApi,
      notificationsApi,
      usersApi,
    ];
    const names = new Set<string>();
    for (const api of modules) {
      for (const [exported, schema] of Object.entries(api)) {
        if (!isInput(exported) || !isSchema(schema)) continue;
        propertyNames(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), names);
      }
    }
    expect(names).toContain('bet_amount');
    expect(names).toContain('quantity');
    const missing = [...names].filter((name) => !Object.hasOwn(fieldsOf('es'), name));
    expect(missing).toEqual([]);
  });
});
