// The combining rule and the exact decimals under it, with figures small enough to check by hand.
import { describe, expect, it } from 'vitest';
import { add, dec, div, mul, show } from '../values/decimal.ts';
import { combine, type Piece } from './rebuild.rule.ts';

const piece = (name: string, value: string, extra: Partial<Piece> = {}, parts?: [string, string]): Piece => ({
  unit: { id: name.length, code: name, name },
  link: 'whole',
  share: null,
  figure: { value, numerator: parts?.[0] ?? null, denominator: parts?.[1] ?? null, status: 'official' },
  ...extra,
});

describe('exact decimals', () => {
  it('adds and multiplies without float error and rounds a division half away from zero', () => {
    expect(show(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(show(mul(dec('1234.5'), dec('0.4')))).toBe('493.8');
    expect(show(div(dec('2'), dec('3'), 4))).toBe('0.6667');
    expect(show(div(dec('-2'), dec('3'), 4))).toBe('-0.6667');
    expect(show(dec('-0.50'))).toBe('-0.5');
  });
});

describe('combining predecessors', () => {
  it('sums, and keeps the weakest status', () => {
    const r = combine({ kind: 'amount', aggregation: 'sum', factor: '1' }, [
      piece('A', '100.25'),
      { ...piece('B', '50'), figure: { value: '50', numerator: null, denominator: null, status: 'provisional' } },
    ]);
    expect(r).toMatchObject({ ok: true, value: '150.25', status: 'provisional', estimated: false });
  });
  it('computes a growth rate from summed levels, not by averaging rates', () => {
    const r = combine({ kind: 'growth', aggregation: 'ratio_of_sums', factor: '100' }, [
      piece('A', '10', {}, ['110', '100']),
      piece('B', '0', {}, ['900', '900']),
    ]);
    // (1010 / 1000 − 1) × 100 = 1; the mean of the rates would say 5
    expect(r).toMatchObject({ ok: true, value: '1', numerator: '1010', denominator: '1000' });
  });
  it('refuses to apportion a part without a share, and marks an apportioned result estimated', () => {
    const def = { kind: 'count' as const, aggregation: 'sum' as const, factor: '1' };
    const part = piece('P', '1000', { link: 'part' });
    expect(combine(def, [piece('W', '500'), part])).toMatchObject({ ok: false });
    expect(combine(def, [piece('W', '500'), { ...part, share: '0.4' }])).toMatchObject({
      ok: true,
      value: '900',
      status: 'estimated',
    });
  });
  it('leaves a non-aggregable indicator missing unless one whole predecessor carries over', () => {
    const def = { kind: 'ratio' as const, aggregation: 'none' as const, factor: '1' };
    expect(combine(def, [piece('A', '3'), piece('B', '4')])).toMatchObject({ ok: false });
    expect(combine(def, [piece('A', '3', { link: 'unchanged' })])).toMatchObject({ ok: true, value: '3' });
  });
  it('weights a mean by the weight indicator, and never by guess', () => {
    const def = { kind: 'amount' as const, aggregation: 'weighted_mean' as const, factor: '1' };
    expect(combine(def, [piece('A', '10', { weight: '1' }), piece('B', '20', { weight: '3' })])).toMatchObject({
      ok: true,
      value: '17.5',
    });
    expect(combine(def, [piece('A', '10', { weight: '1' }), piece('B', '20')])).toMatchObject({ ok: false });
  });
});
