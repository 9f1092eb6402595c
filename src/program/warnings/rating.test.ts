import { describe, expect, it } from 'vitest';
import type { Rating, Warning, WarningKind } from '../program.types.ts';
import { escalationDate, escalationDue, escalationSteps } from './escalation.ts';
import { evaluateTask } from './engine.ts';
import { AT_RISK, atRiskOf, rateWarnings, rollupRating, rollupRatingExplained } from './rating.ts';

const w = (kind: WarningKind): Warning => ({ kind, severity: 'warning', message: { vi: kind, en: kind }, facts: {} });
const rate = (...k: WarningKind[]) => rateWarnings(k.map(w)).rating;

describe('task rating from warnings (points: delivery 2, support 1)', () => {
  it('maps 0, 1, 2, 3–4 and 5+ points to the five levels', () => {
    expect(rate()).toBe('green');
    expect(rate('silent')).toBe('amber_green'); // 1
    expect(rate('silent', 'lacking_resources')).toBe('amber'); // 2
    expect(rate('at_risk')).toBe('amber'); // 2
    expect(rate('at_risk', 'silent')).toBe('amber_red'); // 3
    expect(rate('at_risk', 'due_soon_low_progress')).toBe('amber_red'); // 4
    expect(rate('at_risk', 'due_soon_low_progress', 'silent')).toBe('red'); // 5
  });
  it('is red whenever the task is overdue, and says why', () => {
    expect(rate('overdue')).toBe('red');
    const e = evaluateTask(
      {
        id: 1,
        start: null,
        due: '2026-06-30',
        status: 'in_progress',
        progress: 90,
        cadence: null,
        funding: [{ source: 'oda', required: null, allocated: null }],
        dependencies: [],
      },
      [],
      '2026-07-03',
    );
    expect(e.rating).toBe('red');
    expect(e.explanation.vi).toBe('Đỏ: Quá hạn 3 ngày (hạn 2026-06-30) — nhiệm vụ quá hạn luôn xếp Đỏ.');
  });
  it('explains the points', () => {
    expect(rateWarnings([w('at_risk'), w('silent')]).explanation.en).toBe(
      'Amber/Red: 3 warning points — at risk (2), missed reporting (1).',
    );
  });
});

describe('rollup for a unit or section: worst level reached by a quarter of the tasks', () => {
  const many = (r: Rating, n: number): Rating[] => Array(n).fill(r);
  it('is green with no tasks', () => expect(rollupRating([])).toBe('green'));
  it('is red at exactly a quarter red, not below', () => {
    expect(rollupRating(['red', ...many('green', 3)])).toBe('red');
    // 1 red in 5 = 20%: no level reaches 25%, but a red task lifts the unit to amber/green.
    const r = rollupRatingExplained(['red', ...many('green', 4)]);
    expect(r.rating).toBe('amber_green');
    expect(r.explanation.en).toBe(
      'Amber/Green: 1 of 5 rated tasks at risk (Amber/Red or Red) — under the 25% threshold, but never Green with a task at risk.',
    );
  });
  it('says its population (rated tasks) and always quotes the at-risk count by the one definition (issue 15: "Vàng: 100% … Vàng hoặc xấu hơn" beside "Có nguy cơ 0")', () => {
    const r = rollupRatingExplained({ amber: 21 });
    expect([r.rating, r.total, r.atRisk]).toEqual(['amber', 21, 0]);
    expect(r.explanation.vi).toBe(
      'Vàng: 100% trong 21 nhiệm vụ được đánh giá ở mức Vàng hoặc xấu hơn (ngưỡng 25%); 0/21 nhiệm vụ có nguy cơ (Vàng-Đỏ hoặc Đỏ).',
    );
    expect(atRiskOf({ amber: 3, amber_red: 2, red: 1 })).toBe(3);
    expect(AT_RISK).toEqual(['amber_red', 'red']);
    for (const counts of [{ green: 10 }, { green: 9, red: 1 }, { amber: 2, amber_red: 2, red: 1, green: 3 }, {}]) {
      const x = rollupRatingExplained(counts);
      expect(x.atRisk).toBe(atRiskOf(counts));
      if (x.total > 0)
        expect(x.explanation.vi).toContain(`${x.atRisk}/${x.total} nhiệm vụ có nguy cơ (Vàng-Đỏ hoặc Đỏ)`);
    }
  });
  it('counts worse levels toward a level: 1 amber/red + 1 amber in 8 = 25% amber or worse', () => {
    expect(rollupRating(['amber_red', 'amber', ...many('green', 6)])).toBe('amber');
    expect(rollupRating(['amber', ...many('green', 4)])).toBe('green'); // 20%, and amber does not lift
  });
  it('accepts counts as well as lists', () => {
    expect(rollupRatingExplained({ red: 1, green: 3 })).toMatchObject({ rating: 'red', total: 4 });
    expect(rollupRating({ amber: 30, green: 70 }, 0.3)).toBe('amber');
    expect(rollupRating({ amber: 29, green: 71 }, 0.3)).toBe('green');
  });
});

describe('escalation after a set number of days unless resolved', () => {
  const raised = { raisedAt: '2026-03-01T09:00:00+07:00' };
  it('is due exactly `days` days after it was raised, not the day before', () => {
    expect(escalationDate(raised.raisedAt, 7)).toBe('2026-03-08');
    expect(escalationDue(raised, '2026-03-07', 7)).toBe(false);
    expect(escalationDue(raised, '2026-03-08', 7)).toBe(true);
  });
  it('is stopped by resolution on or before asOf, not by acknowledgement', () => {
    expect(escalationDue({ ...raised, resolvedAt: '2026-03-08' }, '2026-03-08', 7)).toBe(false);
    expect(escalationDue({ ...raised, resolvedAt: '2026-03-09' }, '2026-03-08', 7)).toBe(true);
    expect(escalationDue({ ...raised, acknowledgedAt: '2026-03-02' }, '2026-03-08', 7)).toBe(true);
  });
  it('climbs one more level every further `days` days', () => {
    expect(escalationSteps(raised, '2026-03-14', 7)).toBe(1);
    expect(escalationSteps(raised, '2026-03-15', 7)).toBe(2);
    expect(() => escalationSteps(raised, '2026-03-15', 0)).toThrow(/positive/);
  });
});
