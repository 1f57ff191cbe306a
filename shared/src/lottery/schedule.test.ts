import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  effectiveDrawStatus,
  isDrawSellable,
  isIsoDate,
  isWithinOpeningHours,
  localDate,
  localTime,
  planDraws,
  type ScheduleSlot,
  scheduledCloseAt,
  slotProblem,
  weekdayOf,
  zonedTimeToInstant,
} from './schedule.ts';

const SD = 'America/Santo_Domingo';
const NY = 'America/New_York';
const everyDay = (closeTime: string, drawTime: string): ScheduleSlot[] =>
  [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, closeTime, drawTime }));

describe('hora local → instante', () => {
  it('Santo Domingo es UTC−4 todo el año', () => {
    expect(zonedTimeToInstant('2026-01-29', '12:55', SD).toISOString()).toBe('2026-01-29T16:55:00.000Z');
    expect(zonedTimeToInstant('2026-07-15', '12:55', SD).toISOString()).toBe('2026-07-15T16:55:00.000Z');
  });

  it('Nueva York cambia de hora: 22:30 cae a las 23:30 en Santo Domingo en enero y a las 22:30 en julio', () => {
    const january = zonedTimeToInstant('2026-01-29', '22:30', NY);
    const july = zonedTimeToInstant('2026-07-15', '22:30', NY);
    expect(january.toISOString()).toBe('2026-01-30T03:30:00.000Z');
    expect(july.toISOString()).toBe('2026-07-16T02:30:00.000Z');
    expect(localTime(january, SD)).toBe('23:30');
    expect(localTime(july, SD)).toBe('22:30');
    expect(localDate(january, SD)).toBe('2026-01-29');
  });

  it('Costa Rica es UTC−6', () => {
    expect(zonedTimeToInstant('2026-01-29', '19:30', 'America/Costa_Rica').toISOString()).toBe(
      '2026-01-30T01:30:00.000Z',
    );
  });

  it('propiedad: la hora de pared del instante calculado es la pedida (fuera de los huecos de DST)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 4, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(SD, NY, 'America/Costa_Rica', 'Europe/Madrid', 'America/Bogota'),
        (day, hour, minute, zone) => {
          const date = day.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const instant = zonedTimeToInstant(date, time, zone);
          expect(localDate(instant, zone)).toBe(date);
          expect(localTime(instant, zone)).toBe(time);
        },
      ),
    );
  });
});

describe('generación de sorteos', () => {
  it('a través del cambio de hora de EE. UU. (8 de marzo de 2026) el sorteo de NY se mueve una hora en Santo Domingo', () => {
    const planned = planDraws(everyDay('22:20', '22:30'), NY, SD, '2026-03-07', 3);
    expect(planned.map((d) => [d.drawDate, d.businessDate, localTime(new Date(d.drawAt), SD)])).toEqual([
      ['2026-03-07', '2026-03-07', '23:30'],
      ['2026-03-08', '2026-03-08', '22:30'],
      ['2026-03-09', '2026-03-09', '22:30'],
    ]);
    expect(planned[0].closeAt).toBe('2026-03-08T03:20:00.000Z');
    expect(planned[1].closeAt).toBe('2026-03-09T02:20:00.000Z');
  });

  it('y de vuelta en noviembre (1 de noviembre de 2026)', () => {
    const planned = planDraws(everyDay('14:20', '14:30'), NY, SD, '2026-10-31', 2);
    expect(planned.map((d) => localTime(new Date(d.drawAt), SD))).toEqual(['14:30', '15:30']);
  });

  it('los domingos usan su propio horario (Leidsa 20:55, domingo 15:55)', () => {
    const slots: ScheduleSlot[] = [
      ...[1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, closeTime: '20:45', drawTime: '20:55' })),
      { weekday: 0, closeTime: '15:45', drawTime: '15:55' },
    ];
    expect(weekdayOf('2026-02-01')).toBe(0);
    const planned = planDraws(slots, SD, SD, '2026-01-31', 3);
    expect(planned.map((d) => `${d.drawDate} ${d.drawTime}`)).toEqual([
      '2026-01-31 20:55',
      '2026-02-01 15:55',
      '2026-02-02 20:55',
    ]);
    expect(planned[1].closeAt).toBe('2026-02-01T19:45:00.000Z');
  });

  it('varios sorteos al día y días sin sorteo', () => {
    const slots: ScheduleSlot[] = [
      { weekday: 4, closeTime: '09:50', drawTime: '10:00' },
      { weekday: 4, closeTime: '12:50', drawTime: '13:00' },
      { weekday: 4, closeTime: '17:50', drawTime: '18:00' },
      { weekday: 4, closeTime: '20:50', drawTime: '21:00' },
    ];
    expect(planDraws(slots, SD, SD, '2026-01-29', 1)).toHaveLength(4);
    expect(planDraws(slots, SD, SD, '2026-01-30', 1)).toHaveLength(0);
  });

  it('un sorteo que cruza la medianoche entre zonas cae en la fecha de negocio del operador', () => {
    // 23:30 in New York in January is 00:30 the next day in Santo Domingo.
    const planned = planDraws(everyDay('23:20', '23:30'), NY, SD, '2026-01-29', 1);
    expect(planned).toHaveLength(1);
    expect(planned[0].drawDate).toBe('2026-01-28');
    expect(planned[0].businessDate).toBe('2026-01-29');
  });

  it('valida franjas', () => {
    expect(slotProblem({ weekday: 1, closeTime: '12:45', drawTime: '12:55' })).toBeNull();
    expect(slotProblem({ weekday: 7, closeTime: '12:45', drawTime: '12:55' })).toBe('WEEKDAY');
    expect(slotProblem({ weekday: 1, closeTime: '24:00', drawTime: '12:55' })).toBe('TIME');
    expect(slotProblem({ weekday: 1, closeTime: '13:00', drawTime: '12:55' })).toBe('CLOSE_AFTER_DRAW');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('el reloj decide si un sorteo se puede vender', () => {
  const draw = { status: 'open', close_at: '2026-01-29T16:45:00.000Z' };

  it('abierto antes del cierre, cerrado desde el instante del cierre aunque la fila diga open', () => {
    expect(isDrawSellable(draw, new Date('2026-01-29T16:44:59.999Z'))).toBe(true);
    expect(isDrawSellable(draw, new Date('2026-01-29T16:45:00.000Z'))).toBe(false);
    expect(effectiveDrawStatus(draw, new Date('2026-01-29T16:45:00.000Z'))).toBe('closed');
    expect(effectiveDrawStatus(draw, new Date('2026-01-29T16:00:00.000Z'))).toBe('open');
  });

  it('un sorteo abierto de una lotería desactivada se muestra cerrado', () => {
    const now = new Date('2026-01-29T16:00:00.000Z');
    expect(effectiveDrawStatus({ ...draw, lottery_active: 0 }, now)).toBe('closed');
    expect(effectiveDrawStatus({ ...draw, lottery_active: 1 }, now)).toBe('open');
  });

  it('un sorteo cerrado, programado o con resultado no se vende', () => {
    const early = new Date('2026-01-29T10:00:00Z');
    for (const status of ['scheduled', 'closed', 'resulted', 'settled']) {
      expect(isDrawSellable({ ...draw, status }, early)).toBe(false);
    }
  });
});

describe('horario de una banca', () => {
  it('08:00–21:30 abre de día; 08:00–00:00 cierra a medianoche; 22:00–08:00 cruza la medianoche', () => {
    expect(
      ['07:59', '08:00', '21:29', '21:30'].map((t) => isWithinOpeningHours(t, '08:00', '21:30')),
    ).toEqual([false, true, true, false]);
    expect(
      ['00:00', '07:59', '08:00', '10:05', '23:59'].map((t) => isWithinOpeningHours(t, '08:00', '00:00')),
    ).toEqual([false, false, true, true, true]);
    expect(
      ['21:59', '22:00', '23:59', '00:00', '07:59', '08:00', '12:00'].map((t) =>
        isWithinOpeningHours(t, '22:00', '08:00'),
      ),
    ).toEqual([false, true, true, true, true, false, false]);
  });
});

describe('un sorteo ya generado frente a un horario nuevo', () => {
  const slots: ScheduleSlot[] = [{ weekday: 4, closeTime: '13:20', drawTime: '13:30' }];

  it('da el cierre de la franja con su hora de sorteo, o null si esa franja ya no existe', () => {
    expect(scheduledCloseAt({ drawDate: '2026-01-29', drawTime: '13:30' }, slots, SD)).toBe(
      '2026-01-29T17:20:00.000Z',
    );
    expect(scheduledCloseAt({ drawDate: '2026-01-29', drawTime: '12:55' }, slots, SD)).toBeNull();
    expect(scheduledCloseAt({ drawDate: '2026-01-30', drawTime: '13:30' }, slots, SD)).toBeNull();
  });
});
