import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, projectMonth } from './projection.ts';

// Festivos as the server seeds them from the holidays library (Ley Emiliani Mondays).
const JANUARY_2026 = new Map([
  ['2026-01-01', 'Año Nuevo'],
  ['2026-01-12', 'Reyes Magos'],
]);
const JULY_2026 = new Map([
  ['2026-07-13', 'Virgen de Chiquinquirá'],
  ['2026-07-20', 'Independencia'],
]);

describe('calendario de días hábiles', () => {
  it('enero 2026: lunes a sábado menos 1 y 12 de enero = 25 días', () => {
    const calendar = buildCalendar('2026-01', JANUARY_2026, new Map());
    expect(calendar.filter((d) => d.businessDay)).toHaveLength(25);
    expect(calendar.find((d) => d.date === '2026-01-04')).toMatchObject({ weekday: 0, businessDay: false });
    expect(calendar.find((d) => d.date === '2026-01-12')).toMatchObject({
      holiday: 'Reyes Magos',
      businessDay: false,
    });
  });

  it('julio 2026: 27 lunes a sábado menos Chiquinquirá (13) e Independencia (20) = 25', () => {
    expect(buildCalendar('2026-07', JULY_2026, new Map()).filter((d) => d.businessDay)).toHaveLength(25);
  });

  it('los ajustes del admin ganan: abrir un festivo, cerrar un sábado', () => {
    const overrides = new Map([
      ['2026-07-20', { isBusinessDay: true, reason: 'se trabaja' }],
      ['2026-07-04', { isBusinessDay: false, reason: 'inventario' }],
    ]);
    const calendar = buildCalendar('2026-07', JULY_2026, overrides);
    expect(calendar.filter((d) => d.businessDay)).toHaveLength(25);
    expect(calendar.find((d) => d.date === '2026-07-20')?.businessDay).toBe(true);
    expect(calendar.find((d) => d.date === '2026-07-04')?.businessDay).toBe(false);
  });
});

describe('projectMonth', () => {
  it('enero 2026 al 29: 23 días hábiles transcurridos de 25', () => {
    const p = projectMonth(buildCalendar('2026-01', JANUARY_2026, new Map()), '2026-01-29', 2_300_000);
    expect(p).toEqual({
      businessDays: 25,
      elapsedBusinessDays: 23,
      salesCents: 2_300_000,
      projectedCents: 2_500_000,
    });
  });

  it('julio 2026 al 14: el festivo del 13 no cuenta como transcurrido', () => {
    const p = projectMonth(buildCalendar('2026-07', JULY_2026, new Map()), '2026-07-14', 1_000_001);
    // 1–14 July: 12 Monday–Saturday days minus the 13th = 11 elapsed; 1 000 001 × 25 / 11 = 2 272 729.54… → 2 272 730
    expect(p.elapsedBusinessDays).toBe(11);
    expect(p.projectedCents).toBe(2_272_730);
  });

  it('un mes pasado proyecta exactamente lo vendido; uno futuro aún no transcurre', () => {
    const calendar = buildCalendar('2026-01', JANUARY_2026, new Map());
    expect(projectMonth(calendar, '2026-03-05', 987_654).projectedCents).toBe(987_654);
    expect(projectMonth(calendar, '2025-12-20', 0)).toMatchObject({
      elapsedBusinessDays: 0,
      projectedCents: 0,
    });
  });

  it('propiedad: la proyección nunca es menor que lo vendido', () => {
    const calendar = buildCalendar('2026-07', JULY_2026, new Map());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 1e10 }), (day, sales) => {
        const today = `2026-07-${String(day).padStart(2, '0')}`;
        expect(projectMonth(calendar, today, sales).projectedCents).toBeGreaterThanOrEqual(sales);
      }),
    );
  });
});
