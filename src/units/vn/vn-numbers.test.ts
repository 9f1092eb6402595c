import { describe, it, expect } from 'vitest';
import { parseVnNumber, isUnknownValue } from './vn-numbers.ts';

const value = (raw: string | null, kind: 'count' | 'measure') => {
  const r = parseVnNumber(raw, kind);
  if (!r.ok) throw new Error(`expected a value for "${raw}", got: ${r.reason}`);
  return r.value;
};
const fails = (raw: string, kind: 'count' | 'measure') => parseVnNumber(raw, kind).ok === false;

describe('parseVnNumber', () => {
  it('reads Vietnamese notation: dot groups thousands, comma marks decimals', () => {
    expect(value('8.718.000', 'count')).toBe(8_718_000);
    expect(value('14.002.598', 'count')).toBe(14_002_598);
    expect(value('3.359,80', 'measure')).toBe(3359.8);
    expect(value('13.795,50', 'measure')).toBe(13795.5);
    expect(value('1.234.567,89', 'measure')).toBe(1234567.89);
  });

  it('reads plain and English-style numbers', () => {
    expect(value('102136', 'count')).toBe(102136);
    expect(value('28.69', 'measure')).toBe(28.69);
    expect(value('105.708', 'measure')).toBe(105.708);
    expect(value('1,234.5', 'measure')).toBe(1234.5);
    expect(value('0', 'count')).toBe(0);
    expect(value(' 65023 ', 'count')).toBe(65023);
    expect(value('-0.5', 'measure')).toBe(-0.5);
  });

  it('disambiguates a lone separator by the kind of field', () => {
    // Population is a whole count: `30,509` and `30.509` are thirty thousand five hundred and nine.
    expect(value('30,509', 'count')).toBe(30509);
    expect(value('30.509', 'count')).toBe(30509);
    // Area is a decimal measure: a lone mark is the decimal mark (the data has areas like 111.265 km²).
    expect(value('30,509', 'measure')).toBe(30.509);
    expect(value('30.509', 'measure')).toBe(30.509);
    expect(value('111.265', 'measure')).toBe(111.265);
  });

  it('returns null for unknown values, never 0', () => {
    for (const raw of ['đang cập nhật', 'Đang cập nhật', ' đang  cập nhật ', '', '   ', '-', null]) {
      expect(value(raw, 'count')).toBeNull();
      expect(value(raw, 'measure')).toBeNull();
    }
    // NFD spelling of the same words
    expect(value('đang cập nhật'.normalize('NFD'), 'count')).toBeNull();
    expect(isUnknownValue('12')).toBe(false);
  });

  it('reports what it cannot parse instead of throwing', () => {
    expect(fails('28.69', 'count')).toBe(true); // not a whole number
    expect(fails('1,23,456', 'count')).toBe(true); // groups are not 3 digits
    expect(fails('1.2.3', 'measure')).toBe(true);
    expect(fails('12a', 'count')).toBe(true);
    expect(fails('abc', 'measure')).toBe(true);
    expect(fails('3.359,80', 'count')).toBe(true);
    expect(fails('1,2,3.4', 'measure')).toBe(true);
    const r = parseVnNumber('khoảng 200', 'count');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('khoảng 200');
  });
});
