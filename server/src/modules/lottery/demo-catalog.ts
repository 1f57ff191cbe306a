import type { OperatorSettings } from '@matriz/shared/api/lottery-catalog';
import type { BetTypeCode, ResultFormat } from '@matriz/shared/lottery/games';
import type { ScheduleSlot } from '@matriz/shared/lottery/schedule';

/** The demo catalogs (DOMAIN.md §2): what an operator would type in on day one. */

export interface DemoLottery {
  code: string;
  name: string;
  country: string;
  timeZone: string;
  format: ResultFormat;
  slots: ScheduleSlot[];
  sources?: [string, string];
}

const SD = 'America/Santo_Domingo';
const NY = 'America/New_York';
const CHICAGO = 'America/Chicago';
const CR = 'America/Costa_Rica';
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];
const MON_SAT = [1, 2, 3, 4, 5, 6];

/** `HH:MM` minus some minutes (never before midnight in the demo data). */
function minutesBefore(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = h * 60 + m - minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Draws at these times on these weekdays, sales closing `closeMinutes` before each. */
function at(times: string[], weekdays = ALL_WEEK, closeMinutes = 10): ScheduleSlot[] {
  return weekdays.flatMap((weekday) =>
    times.map((drawTime) => ({ weekday, drawTime, closeTime: minutesBefore(drawTime, closeMinutes) })),
  );
}

function lottery(
  code: string,
  name: string,
  country: string,
  timeZone: string,
  format: ResultFormat,
  slots: ScheduleSlot[],
  sources?: [string, string],
): DemoLottery {
  return { code, name, country, timeZone, format, slots, sources };
}

const JPS = lottery(
  'JPS',
  'JPS NUEVOS TIEMPOS',
  'CR',
  CR,
  'tiempos',
  at(['12:55', '16:30', '19:30'], ALL_WEEK, 5),
);

/** ≈70 draws a day: the Dominican schedule, US pick games, Anguilla, King Lottery, Super Palé and JPS. */
export const DR_LOTTERIES: DemoLottery[] = [
  lottery(
    'ANGUILLA',
    'ANGUILLA',
    'AI',
    'America/Anguilla',
    'quiniela',
    at(['10:00', '13:00', '18:00', '21:00']),
  ),
  lottery('PRIMERA', 'LA PRIMERA', 'DO', SD, 'quiniela', at(['12:00', '20:00'])),
  lottery('KING', 'KING LOTTERY', 'SX', 'America/Lower_Princes', 'quiniela', at(['12:30', '19:30'])),
  lottery('SUERTE', 'LA SUERTE', 'DO', SD, 'quiniela', at(['12:30', '18:00'])),
  lottery('REAL', 'LOTERÍA REAL', 'DO', SD, 'quiniela', at(['12:55'])),
  lottery('FLORIDA', 'FLORIDA', 'US', NY, 'quiniela', at(['13:30', '21:45'])),
  lottery('LOTEDOM', 'LOTEDOM', 'DO', SD, 'quiniela', at(['13:55'])),
  lottery('GANAMAS', 'GANA MÁS', 'DO', SD, 'quiniela', at(['14:30'])),
  lottery('NEWYORK', 'NEW YORK', 'US', NY, 'quiniela', at(['14:30', '22:30'])),
  lottery('LOTEKA', 'LOTEKA', 'DO', SD, 'quiniela', at(['19:55'])),
  lottery('LEIDSA', 'LEIDSA', 'DO', SD, 'quiniela', [...at(['20:55'], MON_SAT), ...at(['15:55'], [0])]),
  lottery('NACIONAL', 'LOTERÍA NACIONAL', 'DO', SD, 'quiniela', [
    ...at(['21:00'], MON_SAT),
    ...at(['18:00'], [0]),
  ]),
  lottery('SP_REAL_GM', 'SUPER PALÉ REAL · GANA MÁS', 'DO', SD, 'composite', at(['14:30'], ALL_WEEK, 105), [
    'REAL',
    'GANAMAS',
  ]),
  lottery(
    'SP_NAC_LEIDSA',
    'SUPER PALÉ NACIONAL · LEIDSA',
    'DO',
    SD,
    'composite',
    [...at(['21:00'], MON_SAT, 15), ...at(['18:00'], [0], 135)],
    ['NACIONAL', 'LEIDSA'],
  ),
  lottery('SP_NY_FL', 'SUPER PALÉ NEW YORK · FLORIDA', 'US', NY, 'composite', at(['22:30'], ALL_WEEK, 55), [
    'NEWYORK',
    'FLORIDA',
  ]),
  lottery('NY_PICK3', 'NEW YORK NUMBERS (CASH 3)', 'US', NY, 'pick3', at(['14:30', '22:30'])),
  lottery('NY_PICK4', 'NEW YORK WIN 4 (PLAY 4)', 'US', NY, 'pick4', at(['14:30', '22:30'])),
  lottery('FL_PICK3', 'FLORIDA PICK 3', 'US', NY, 'pick3', at(['13:30', '21:45'])),
  lottery('FL_PICK4', 'FLORIDA PICK 4', 'US', NY, 'pick4', at(['13:30', '21:45'])),
  lottery('FL_PICK5', 'FLORIDA PICK 5', 'US', NY, 'pick5', at(['13:30', '21:45'])),
  lottery(
    'KING_PICK3',
    'KING LOTTERY PICK 3',
    'SX',
    'America/Lower_Princes',
    'pick3',
    at(['12:30', '19:30']),
  ),
  lottery(
    'KING_PICK4',
    'KING LOTTERY PICK 4',
    'SX',
    'America/Lower_Princes',
    'pick4',
    at(['12:30', '19:30']),
  ),
  lottery('GA_PICK3', 'GEORGIA CASH 3', 'US', NY, 'pick3', at(['12:29', '18:59', '23:34'])),
  lottery('GA_PICK4', 'GEORGIA CASH 4', 'US', NY, 'pick4', at(['12:29', '18:59', '23:34'])),
  lottery('NJ_PICK3', 'NEW JERSEY PICK 3', 'US', NY, 'pick3', at(['12:59', '22:57'])),
  lottery('NJ_PICK4', 'NEW JERSEY PICK 4', 'US', NY, 'pick4', at(['12:59', '22:57'])),
  lottery('PA_PICK3', 'PENNSYLVANIA PICK 3', 'US', NY, 'pick3', at(['13:35', '18:59'])),
  lottery('PA_PICK4', 'PENNSYLVANIA PICK 4', 'US', NY, 'pick4', at(['13:35', '18:59'])),
  lottery('PA_PICK5', 'PENNSYLVANIA PICK 5', 'US', NY, 'pick5', at(['13:35', '18:59'])),
  lottery('TX_PICK3', 'TEXAS PICK 3', 'US', CHICAGO, 'pick3', at(['10:00', '12:27', '18:00', '22:12'])),
  lottery('TX_DAILY4', 'TEXAS DAILY 4', 'US', CHICAGO, 'pick4', at(['10:00', '12:27', '18:00', '22:12'])),
  lottery('IL_PICK3', 'ILLINOIS PICK 3', 'US', CHICAGO, 'pick3', at(['12:40', '21:22'])),
  lottery('IL_PICK4', 'ILLINOIS PICK 4', 'US', CHICAGO, 'pick4', at(['12:40', '21:22'])),
  JPS,
];

/** Costa Rica tiempos: JPS plus private tiempos draws of the region. */
export const CR_LOTTERIES: DemoLottery[] = [
  JPS,
  lottery('TICA', 'TICA PRIVADA', 'CR', CR, 'tiempos', at(['13:00', '18:00', '21:30'], ALL_WEEK, 5)),
  lottery(
    'NICA',
    'NICA DIARIA',
    'NI',
    'America/Managua',
    'tiempos',
    at(['11:00', '15:00', '18:00', '21:00'], ALL_WEEK, 5),
  ),
  lottery(
    'HONDURAS',
    'HONDURAS DIARIA',
    'HN',
    'America/Tegucigalpa',
    'tiempos',
    at(['11:00', '15:00', '21:00'], ALL_WEEK, 5),
  ),
];

export interface DemoBanca {
  code: string;
  name: string;
  owner: string;
  zone: string;
  /** The seller working there; juan001 already exists. */
  seller: { username: string; fullName: string };
}

export interface DemoNetwork {
  settings: Omit<OperatorSettings, 'time_zone'> & { time_zone: string };
  zones: { code: string; name: string }[];
  bancas: DemoBanca[];
  agents: { code: string; name: string; phone: string; zone: string; commissionPercent: number }[];
  /** Spec 002's table: commission per bet type for every banca. */
  commissions: Partial<Record<BetTypeCode, number>>;
  lotteries: DemoLottery[];
  /** Prize overrides the demo shows off: per banca code or lottery code, multipliers × 1. */
  prizeOverrides: {
    scope: 'banca' | 'lottery';
    code: string;
    betType: BetTypeCode;
    prizeClass: string;
    multiplier: number;
  }[];
}

const seller = (username: string, fullName: string) => ({ username, fullName });

export const DR_NETWORK: DemoNetwork = {
  settings: {
    name: 'BANCAS LAN — CASA MATRIZ',
    ticket_prefix: 'LAN',
    currency_code: 'DOP',
    currency_symbol: 'RD$',
    time_zone: SD,
    future_sales_days: 7,
    ticket_expiry_days: 90,
    print_format: 'thermal_80mm',
    print_copies: 1,
    footer_lines: ['¡Buena suerte!', 'Revise su ticket antes de retirarse', 'Ticket válido por 90 días'],
    show_prize_table: false,
    ticket_language: 'es',
  },
  zones: [
    { code: 'GIL', name: 'GRUPO GILBERTO TL' },
    { code: 'EST', name: 'ZONA ESTE' },
    { code: 'NTE', name: 'ZONA NORTE' },
  ],
  bancas: [
    {
      code: '010',
      name: 'LA CENTRAL 10',
      owner: 'GILBERTO TL',
      zone: 'GIL',
      seller: seller('juan001', 'Juan Pérez'),
    },
    {
      code: '011',
      name: 'LA CENTRAL 11',
      owner: 'GILBERTO TL',
      zone: 'GIL',
      seller: seller('maria011', 'María Rodríguez'),
    },
    {
      code: '012',
      name: 'BANCA EL CRUCE',
      owner: 'GILBERTO TL',
      zone: 'GIL',
      seller: seller('pedro012', 'Pedro Santana'),
    },
    {
      code: '013',
      name: 'BANCA LA ESQUINA',
      owner: 'ANA MERCEDES',
      zone: 'GIL',
      seller: seller('rosa013', 'Rosa Almonte'),
    },
    {
      code: '020',
      name: 'BANCA LOS MINA',
      owner: 'RAMÓN DE LA CRUZ',
      zone: 'EST',
      seller: seller('luis020', 'Luis Batista'),
    },
    {
      code: '021',
      name: 'BANCA SAN ISIDRO',
      owner: 'RAMÓN DE LA CRUZ',
      zone: 'EST',
      seller: seller('carmen021', 'Carmen Féliz'),
    },
    {
      code: '022',
      name: 'BANCA LA ROMANA 1',
      owner: 'JULIO PAYANO',
      zone: 'EST',
      seller: seller('jose022', 'José Castillo'),
    },
    {
      code: '023',
      name: 'BANCA HIGÜEY CENTRO',
      owner: 'JULIO PAYANO',
      zone: 'EST',
      seller: seller('ana023', 'Ana Guzmán'),
    },
    {
      code: '030',
      name: 'BANCA SANTIAGO 30',
      owner: 'FRANCISCO TAVÁREZ',
      zone: 'NTE',
      seller: seller('frank030', 'Frank Tavárez'),
    },
    {
      code: '031',
      name: 'BANCA LOS JARDINES',
      owner: 'FRANCISCO TAVÁREZ',
      zone: 'NTE',
      seller: seller('yoli031', 'Yolanda Peña'),
    },
    {
      code: '032',
      name: 'BANCA LA VEGA REAL',
      owner: 'MIGUEL ÁNGEL DÍAZ',
      zone: 'NTE',
      seller: seller('miguel032', 'Miguel Díaz'),
    },
    {
      code: '033',
      name: 'BANCA MOCA 33',
      owner: 'MIGUEL ÁNGEL DÍAZ',
      zone: 'NTE',
      seller: seller('sonia033', 'Sonia Reyes'),
    },
  ],
  agents: [
    { code: 'AG01', name: 'AGENTE PUNTO FIJO', phone: '809-555-0101', zone: 'GIL', commissionPercent: 15 },
    {
      code: 'AG02',
      name: 'AGENTE LA SUERTE DEL ESTE',
      phone: '809-555-0202',
      zone: 'EST',
      commissionPercent: 12,
    },
  ],
  commissions: {
    DIRECTO: 8,
    PALE: 10,
    TRIPLETA: 12,
    CASH3_STRAIGHT: 7,
    CASH3_BOX: 7,
    PLAY4_STRAIGHT: 7,
    PLAY4_BOX: 7,
  },
  lotteries: DR_LOTTERIES,
  prizeOverrides: [
    { scope: 'banca', code: '020', betType: 'DIRECTO', prizeClass: 'first', multiplier: 56 },
    { scope: 'banca', code: '020', betType: 'DIRECTO', prizeClass: 'second', multiplier: 12 },
    { scope: 'lottery', code: 'JPS', betType: 'TIEMPOS', prizeClass: 'hit', multiplier: 70 },
  ],
};

export const CR_NETWORK: DemoNetwork = {
  settings: {
    name: 'TIEMPOS TICOS — OFICINA CENTRAL',
    ticket_prefix: 'TCR',
    currency_code: 'CRC',
    currency_symbol: '₡',
    time_zone: CR,
    future_sales_days: 7,
    ticket_expiry_days: 90,
    print_format: 'thermal_58mm',
    print_copies: 1,
    footer_lines: ['¡Pura vida y suerte!', 'Reventado paga según bolita roja', ''],
    show_prize_table: true,
    ticket_language: 'es',
  },
  zones: [
    { code: 'SJO', name: 'SAN JOSÉ CENTRO' },
    { code: 'ALA', name: 'ALAJUELA' },
  ],
  bancas: [
    {
      code: 'P01',
      name: 'PUESTO MERCADO CENTRAL',
      owner: 'DON CARLOS MORA',
      zone: 'SJO',
      seller: seller('juan001', 'Juan Pérez'),
    },
    {
      code: 'P02',
      name: 'PUESTO AVENIDA SEGUNDA',
      owner: 'DON CARLOS MORA',
      zone: 'SJO',
      seller: seller('vero02', 'Verónica Solís'),
    },
    {
      code: 'P03',
      name: 'PUESTO PARADA DE BUSES',
      owner: 'DOÑA LIDIA VARGAS',
      zone: 'SJO',
      seller: seller('mauro03', 'Mauricio Jiménez'),
    },
    {
      code: 'P04',
      name: 'PUESTO ALAJUELA CENTRO',
      owner: 'DOÑA LIDIA VARGAS',
      zone: 'ALA',
      seller: seller('kattia04', 'Kattia Araya'),
    },
    {
      code: 'P05',
      name: 'PUESTO EL COYOL',
      owner: 'ESTEBAN QUIRÓS',
      zone: 'ALA',
      seller: seller('esteban05', 'Esteban Quirós'),
    },
  ],
  agents: [{ code: 'AG01', name: 'AGENTE HEREDIA', phone: '8888-0101', zone: 'SJO', commissionPercent: 12 }],
  commissions: { TIEMPOS: 10, REVENTADO: 10 },
  lotteries: CR_LOTTERIES,
  prizeOverrides: [{ scope: 'lottery', code: 'JPS', betType: 'TIEMPOS', prizeClass: 'hit', multiplier: 70 }],
};
