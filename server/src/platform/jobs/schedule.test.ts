import { describe, expect, it } from 'vitest';
import { backoffMs, checkSchedule, nextRunAfter } from './schedule.ts';

const SD = 'America/Santo_Domingo'; // UTC−4, no DST
const NY = 'America/New_York';

describe('calendario de tareas', () => {
  it('cada día a una hora local del operador', () => {
    const at = nextRunAfter({ every: 'day', at: '02:00' }, new Date('2026-01-29T05:00:00Z'), SD);
    expect(at.toISOString()).toBe('2026-01-29T06:00:00.000Z');
    const later = nextRunAfter({ every: 'day', at: '02:00' }, new Date('2026-01-29T06:00:00Z'), SD);
    expect(later.toISOString()).toBe('2026-01-30T06:00:00.000Z');
  });

  it('cada N minutos, alineado al reloj', () => {
    const at = nextRunAfter({ every: 'minutes', n: 5 }, new Date('2026-01-29T10:07:30Z'), SD);
    expect(at.toISOString()).toBe('2026-01-29T10:10:00.000Z');
    const exact = nextRunAfter({ every: 'minutes', n: 1 }, new Date('2026-01-29T10:07:00Z'), SD);
    expect(exact.toISOString()).toBe('2026-01-29T10:08:00.000Z');
  });

  it('semanal por día ISO (1 = lunes)', () => {
    // 2026-01-29 is a Thursday
    const at = nextRunAfter({ every: 'week', weekday: 1, at: '06:00' }, new Date('2026-01-29T14:00:00Z'), SD);
    expect(at.toISOString()).toBe('2026-02-02T10:00:00.000Z');
    const sunday = nextRunAfter(
      { every: 'week', weekday: 7, at: '23:30' },
      new Date('2026-02-01T12:00:00Z'),
      SD,
    );
    expect(sunday.toISOString()).toBe('2026-02-02T03:30:00.000Z');
  });

  it('mensual; el día 31 cae al último día del mes', () => {
    const at = nextRunAfter({ every: 'month', day: 1, at: '06:00' }, new Date('2026-01-29T14:00:00Z'), SD);
    expect(at.toISOString()).toBe('2026-02-01T10:00:00.000Z');
    const end = nextRunAfter({ every: 'month', day: 31, at: '06:00' }, new Date('2026-02-05T14:00:00Z'), SD);
    expect(end.toISOString()).toBe('2026-02-28T10:00:00.000Z');
    const december = nextRunAfter(
      { every: 'month', day: 1, at: '00:00' },
      new Date('2026-12-15T00:00:00Z'),
      SD,
    );
    expect(december.toISOString()).toBe('2027-01-01T04:00:00.000Z');
  });

  it('respeta el cambio de horario (DST) en zonas que lo tienen', () => {
    // New York switches to EDT on 2026-03-08: 02:00 local does not exist that day.
    const before = nextRunAfter({ every: 'day', at: '06:00' }, new Date('2026-03-07T12:00:00Z'), NY);
    expect(before.toISOString()).toBe('2026-03-08T10:00:00.000Z'); // 06:00 EDT
    const winter = nextRunAfter({ every: 'day', at: '06:00' }, new Date('2026-03-06T12:00:00Z'), NY);
    expect(winter.toISOString()).toBe('2026-03-07T11:00:00.000Z'); // 06:00 EST
  });

  it('rechaza especificaciones inválidas y calcula el back-off exponencial', () => {
    expect(() => checkSchedule({ every: 'day', at: '25:00' })).toThrow();
    expect(() => checkSchedule({ every: 'week', weekday: 0, at: '06:00' })).toThrow();
    expect(() => checkSchedule({ every: 'minutes', n: 0 })).toThrow();
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30, 1000, 60_000)).toBe(60_000);
  });
});
