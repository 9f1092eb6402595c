// Compound trajectories, hand-computed (python Decimal, 50 digits) and rounded to the 4 decimals shown.
import { describe, expect, it } from 'vitest';
import { growthTrack, levelTrack, type TrackTarget } from './trajectory.ts';

const growth10: TrackTarget = {
  kind: 'min',
  low: 10,
  high: null,
  perYear: true,
  firstYear: 2026,
  lastYear: 2030,
  baseline: null,
};

describe('average growth target, compounded', () => {
  it('judges two years by their compound average and says what the rest must average', () => {
    // 8 % then 12 %: arithmetic mean 10 % would pass, but 1.08 × 1.12 = 1.2096 < 1.1² = 1.21.
    const t = growthTrack(
      growth10,
      'higher',
      new Map([
        [2026, 8],
        [2027, 12],
      ]),
    );
    expect(t.status).toBe('off_track');
    expect(t.actual).toBe(9.9818); // (1.2096^(1/2) − 1) × 100 = 9.98181667…
    expect(t.gap).toBe(-0.0182);
    expect(t.requiredForRest).toBe(10.0121); // ((1.1^5 / 1.2096)^(1/3) − 1) × 100 = 10.01212388…
    expect(t.path.map((p) => p.required)).toEqual([10, 21, 33.1, 46.41, 61.051]);
  });
  it('is achieved when five years compound to at least 1.1^5, missed otherwise', () => {
    const five = new Map([2026, 2027, 2028, 2029, 2030].map((y) => [y, 10]));
    expect(growthTrack(growth10, 'higher', five).status).toBe('achieved');
    five.set(2030, 9.9);
    expect(growthTrack(growth10, 'higher', five).status).toBe('missed');
    expect(growthTrack(growth10, 'higher', new Map()).status).toBe('no_data');
  });
});

describe('level target on a compound path from its baseline', () => {
  const perCapita: TrackTarget = {
    kind: 'point',
    low: 8500,
    high: 8500,
    perYear: false,
    firstYear: 2026,
    lastYear: 2030,
    baseline: { year: 2025, value: 5026 },
  };
  it('requires 5026 × (8500/5026)^(k/5) in year 2025 + k', () => {
    const t = levelTrack(perCapita, 'higher', false, new Map([[2026, 5600]]));
    expect(t.required).toBe(5582.9247); // 5582.92472864…
    expect(t.gap).toBe(17.0753);
    expect(t.status).toBe('on_track');
    expect(t.path[1]).toEqual({ year: 2027, required: 6201.5616 });
    expect(levelTrack(perCapita, 'higher', false, new Map([[2027, 6200]])).status).toBe('off_track');
  });
  it('moves a share in a straight line, and without a baseline judges only the final year', () => {
    const share: TrackTarget = { ...perCapita, low: 28, high: 28, baseline: { year: 2025, value: 24 } };
    expect(levelTrack(share, 'higher', true, new Map([[2026, 24.8]])).required).toBe(24.8);
    const noBase = { ...share, baseline: null };
    expect(levelTrack(noBase, 'higher', true, new Map([[2027, 25]])).status).toBe('no_baseline');
    expect(levelTrack(noBase, 'higher', true, new Map([[2030, 27.5]])).status).toBe('missed');
  });
  it('reads a maximum for lower-is-better indicators', () => {
    const poverty: TrackTarget = {
      kind: 'max',
      low: null,
      high: 1,
      perYear: false,
      firstYear: 2026,
      lastYear: 2030,
      baseline: { year: 2025, value: 2 },
    };
    const t = levelTrack(poverty, 'lower', true, new Map([[2026, 1.9]]));
    expect(t.required).toBe(1.8);
    expect(t.status).toBe('off_track');
    expect(t.gap).toBe(-0.1);
  });
});
