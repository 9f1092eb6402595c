// Every deadline phrase the program uses, in English and Vietnamese, read into
// a typed period with its exact first and last day; unreadable phrases name the part.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineParseError, parseDeadline } from './deadline.ts';

const REF = { referenceDate: '2025-03-10' };

describe('parseDeadline', () => {
  it.each([
    // quarters
    ['in the fourth quarter of 2026', 'quarter', '2026-10-01', '2026-12-31'],
    ['quý IV/2026', 'quarter', '2026-10-01', '2026-12-31'],
    ['Q4 2026', 'quarter', '2026-10-01', '2026-12-31'],
    ['trong quý I/2027', 'quarter', '2027-01-01', '2027-03-31'],
    ['Quý 2 năm 2026', 'quarter', '2026-04-01', '2026-06-30'],
    ['the third quarter of 2026', 'quarter', '2026-07-01', '2026-09-30'],
    // months
    ['June 2026', 'month', '2026-06-01', '2026-06-30'],
    ['tháng 6/2026', 'month', '2026-06-01', '2026-06-30'],
    ['tháng 6 năm 2026', 'month', '2026-06-01', '2026-06-30'],
    ['February 2028', 'month', '2028-02-01', '2028-02-29'],
    ['tháng 02/2027', 'month', '2027-02-01', '2027-02-28'],
    // years
    ['in 2026', 'year', '2026-01-01', '2026-12-31'],
    ['năm 2026', 'year', '2026-01-01', '2026-12-31'],
    ['by 2030', 'year', '2030-01-01', '2030-12-31'],
    ['đến năm 2030', 'year', '2030-01-01', '2030-12-31'],
    ['by the end of 2027', 'year', '2027-01-01', '2027-12-31'],
    // dates
    ['by June 1, 2026', 'date', '2026-06-01', '2026-06-01'],
    ['trước ngày 01/6/2026', 'date', '2026-06-01', '2026-06-01'],
    ['ngày 30 tháng 6 năm 2026', 'date', '2026-06-30', '2026-06-30'],
    ['1 June 2026', 'date', '2026-06-01', '2026-06-01'],
    ['2026-06-01', 'date', '2026-06-01', '2026-06-01'],
    ['trước ngày 29/02/2028', 'date', '2028-02-29', '2028-02-29'],
    // ranges
    ['from now until June 30, 2025', 'range', '2025-03-10', '2025-06-30'],
    ['từ nay đến ngày 30/6/2025', 'range', '2025-03-10', '2025-06-30'],
    ['2026–2030', 'range', '2026-01-01', '2030-12-31'],
    ['2026 - 2030', 'range', '2026-01-01', '2030-12-31'],
    ['giai đoạn 2026 - 2030', 'range', '2026-01-01', '2030-12-31'],
    ['in the period of 2026 - 2030', 'range', '2026-01-01', '2030-12-31'],
    ['từ năm 2026 đến năm 2028', 'range', '2026-01-01', '2028-12-31'],
    ['from June 2026 to March 2027', 'range', '2026-06-01', '2027-03-31'],
    // halves
    ['first half of 2027', 'half', '2027-01-01', '2027-06-30'],
    ['the second half of 2027', 'half', '2027-07-01', '2027-12-31'],
    ['6 tháng đầu năm 2027', 'half', '2027-01-01', '2027-06-30'],
    ['6 tháng cuối năm 2027', 'half', '2027-07-01', '2027-12-31'],
    ['H2 2026', 'half', '2026-07-01', '2026-12-31'],
  ])('%s → %s %s … %s', (phrase, kind, start, end) => {
    expect(parseDeadline(phrase, REF)).toEqual({ kind, start, end, text: phrase });
  });

  it('keeps the phrase as written, trimmed', () => {
    expect(parseDeadline('  Quý IV/2026. ', REF).text).toBe('Quý IV/2026.');
  });

  describe('"from now" without a reference date starts today (Vietnam time)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    it('uses today', () => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2025-04-30T18:00:00Z')); // already 1 May in Hanoi
      expect(parseDeadline('from now until June 30, 2025')).toMatchObject({
        kind: 'range',
        start: '2025-05-01',
        end: '2025-06-30',
      });
    });
  });

  it.each([
    ['the fifth quarter of 2026', 'fifth', 'a quarter is I–IV'],
    ['quý V/2026', 'V', 'quý chỉ từ I đến IV'],
    ['Q5 2026', '5', 'a quarter is I–IV'],
    ['tháng 13/2026', '13', 'there is no month 13'],
    ['31/6/2026', '31/6/2026', 'not a real date'],
    ['by February 30, 2026', '30/2/2026', 'not a real date'],
    ['Junee 2026', 'Junee', 'is not a word of a deadline'],
    ['June 2026 or July 2026', 'or', 'is not a word of a deadline'],
    ['June', 'June', 'there is no year'],
    ['hằng năm', 'hằng năm', 'recurring'],
    ['2030 - 2026', '2026', 'ends (2026-12-31) before it starts'],
    ['from now until June 30, 2024', 'June 30, 2024', 'before it starts'],
    ['2026 2027', '2026 2027', 'is not a year, half, quarter, month, date or period'],
    ['', '', 'empty'],
  ])('%j is refused, naming %j', (phrase, part, why) => {
    let error: unknown;
    try {
      parseDeadline(phrase, REF);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeadlineParseError);
    const e = error as DeadlineParseError;
    expect(e.part).toBe(part);
    expect(e.message).toContain(why);
    if (part !== '') {
      expect(e.detail.vi).toContain(`Không đọc được "${part}"`);
      expect(e.detail.en).toContain(`Could not read "${part}"`);
    }
    expect(e.status).toBe(400);
  });

  it('refuses a malformed reference date', () => {
    expect(() => parseDeadline('from now until 2026', { referenceDate: '10/03/2025' })).toThrow(/YYYY-MM-DD/);
  });
});
