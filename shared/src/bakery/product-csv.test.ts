import { describe, expect, it } from 'vitest';
import { parseProductCsv } from './product-csv.ts';

describe('parseProductCsv', () => {
  it('acepta encabezado, punto y coma, tildes y comillas', () => {
    const result = parseProductCsv(
      'código;nombre;precio;categoría\np001;"Pan; grande";1500,5;Panadería\nB1;Milhoja;2500;bizcocheria;no\n',
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          code: 'P001',
          name: 'Pan; grande',
          priceCents: 150_050,
          category: 'panaderia',
          active: true,
        },
        { line: 3, code: 'B1', name: 'Milhoja', priceCents: 250_000, category: 'bizcocheria', active: false },
      ],
    });
  });

  it('señala la línea y el campo del primer error', () => {
    expect(parseProductCsv('P1,Pan,100,panaderia\nP2,Pan,abc,panaderia')).toEqual({
      ok: false,
      problem: { line: 2, field: 'price', value: 'abc' },
    });
    expect(parseProductCsv('P1,Pan,100,tortas')).toMatchObject({ ok: false, problem: { field: 'category' } });
    expect(parseProductCsv('P1,Pan,1000000.01,panaderia')).toEqual({
      ok: false,
      problem: { line: 1, field: 'price', value: '1000000.01' },
    });
  });
});
