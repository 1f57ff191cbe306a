import { describe, expect, it } from 'vitest';
import { IsoDate } from './common.ts';

describe('IsoDate', () => {
  it('takes days that exist, 29 February only in a leap year', () => {
    for (const day of ['2026-01-29', '2026-12-31', '2028-02-29'])
      expect(IsoDate.safeParse(day).success).toBe(true);
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const day of [
      '2026-02-30',
      '2026-13-45',
      '2026-00-10',
      '2027-02-29',
      '2026-04-31',
      '26-01-29',
      '2026-1-29',
    ])
      expect(IsoDate.safeParse(day).success, day).toBe(false);
  });
});
