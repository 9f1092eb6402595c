// Each clause of the rule set with figures computed by hand (see the comments), and the 20 % cap with ties.
import { describe, expect, it } from 'vitest';
import { computeScore, targetMet, type Evidence, type TaskEvidence } from './scores.compute.ts';
import { allowedExcellent, applyCap, type Ranked } from './scores.cap.ts';
import { DECREE_335_V1 as R, gradeOf } from './scores.rules.ts';

const task = (id: number, completedOn: string | null, extra: Partial<TaskEvidence> = {}): TaskEvidence => ({
  taskId: id,
  weight: 1,
  dueDate: '2026-06-30',
  reportId: completedOn ? 100 + id : null,
  completedOn,
  majorErrors: [],
  delayExemptionId: null,
  ...extra,
});
// 4 tasks: on time; late (one delay); on time with one major error; not completed. 2 targets, 1 met.
const base = (): Evidence => ({
  tasks: [
    task(1, '2026-06-01'),
    task(2, '2026-07-15'),
    task(3, '2026-06-20', { majorErrors: [{ id: 7, exemptionId: null }] }),
    task(4, null),
  ],
  targets: [
    { targetId: 11, indicatorCode: 'GRDP', valueId: 21, achieved: true },
    { targetId: 12, indicatorCode: 'POV', valueId: null, achieved: false },
  ],
  ratings: [
    { id: 31, kind: 'superior', score: 80, decision: 'QĐ 1' },
    { id: 32, kind: 'peer', score: 70, decision: 'BB 2' },
    { id: 33, kind: 'peer', score: 90, decision: 'BB 2' },
  ],
  votes: [{ id: 41, high: 6, medium: 2, low: 2, decision: 'NQ 3' }],
  public: {
    satisfaction: { answers: 10, satisfied: 8, surveyIds: [51] },
    answers: { due: 4, onTime: 3, itemIds: [61, 62, 63, 64] },
  },
  inherited: { unitIds: [], eventId: null },
});
const term = (r: ReturnType<typeof computeScore>, key: string) => r.terms.find((t) => t.key === key)!;

describe('Decree 335/2025 rule set, clause by clause', () => {
  it('general criteria (30): superior 12×0.8, peers 6×0.8, votes 6×(6+1)/10, public 6×(0.8+0.75)/2', () => {
    const r = computeScore(R, base());
    expect(term(r, 'general.superior').points).toBe(9.6);
    expect(term(r, 'general.peers').points).toBe(4.8);
    expect(term(r, 'general.confidence').points).toBe(4.2);
    expect(term(r, 'general.public').points).toBe(4.65);
    expect(r.general).toBe(23.25);
    expect(term(r, 'general.public').evidence).toContainEqual({ kind: 'feedback', id: 62 });
  });
  it('quantity: 30 × (0.7 × 3/4 tasks + 0.3 × 1/2 targets) = 20.25, linked to tasks, reports, targets, values', () => {
    const r = computeScore(R, base());
    expect(term(r, 'results.quantity').points).toBe(20.25);
    expect(term(r, 'results.quantity').evidence).toEqual(
      expect.arrayContaining([
        { kind: 'report', id: 101 },
        { kind: 'target', id: 12 },
        { kind: 'value', id: 21 },
      ]),
    );
  });
  it('quality: 5 + 5 + 5 × (1 − 25%) for the major error = 13.75; exempted error → 15', () => {
    const r = computeScore(R, base());
    expect(term(r, 'results.quality').points).toBe(13.75);
    const ev = base();
    ev.tasks[2]!.majorErrors[0]!.exemptionId = 99;
    const after = computeScore(R, ev);
    expect(term(after, 'results.quality').points).toBe(15);
    expect(term(after, 'results.quality').evidence).toContainEqual({ kind: 'exemption', id: 99 });
  });
  it('quality: two errors take 50 %, five never go below zero', () => {
    const ev = base();
    ev.tasks[2]!.majorErrors = [1, 2].map((id) => ({ id, exemptionId: null }));
    expect(term(computeScore(R, ev), 'results.quality').points).toBe(12.5);
    ev.tasks[2]!.majorErrors = [1, 2, 3, 4, 5].map((id) => ({ id, exemptionId: null }));
    expect(term(computeScore(R, ev), 'results.quality').points).toBe(10);
  });
  it('timeliness: 5 + 5 × (1 − 25%) for the delay + 5 = 13.75; certified objective cause → 15', () => {
    expect(term(computeScore(R, base()), 'results.timeliness').points).toBe(13.75);
    const ev = base();
    ev.tasks[1]!.delayExemptionId = 98;
    expect(term(computeScore(R, ev), 'results.timeliness').points).toBe(15);
  });
  it('total 23.25 + 47.75 = 71 → good; every term cites its clause', () => {
    const r = computeScore(R, base());
    expect(r.results).toBe(47.75);
    expect(r.total).toBe(71);
    expect(r.grade).toBe('good');
    for (const t of r.terms) expect(t.cite.vi).toMatch(/NĐ 335|Bộ quy tắc/);
  });
  it('a missing source gives its weight to the others, shown as a flag and a zero-point term', () => {
    const ev = base();
    ev.public = { satisfaction: null, answers: null };
    const r = computeScore(R, ev);
    // present weight 0.8: superior 30×0.4/0.8 = 15 × 0.8 = 12; peers 7.5 × 0.8 = 6; votes 7.5 × 0.7 = 5.25
    expect(term(r, 'general.superior').points).toBe(12);
    expect(term(r, 'general.confidence').points).toBe(5.25);
    expect(term(r, 'general.public')).toMatchObject({ points: 0, max: 0 });
    expect(r.flags).toContain('general.public.missing');
  });
  it('disruption: a named term, 1 point per merged unit after the first, at most 3', () => {
    const ev = base();
    ev.inherited = { unitIds: [1, 2, 3], eventId: 9 };
    const r = computeScore(R, ev);
    expect(term(r, 'adjustment.disruption').points).toBe(2);
    expect(r.total).toBe(73);
    ev.inherited.unitIds = [1, 2, 3, 4, 5, 6];
    expect(term(computeScore(R, ev), 'adjustment.disruption').points).toBe(3);
  });
  it('no tasks and no targets: zero results and a flag, never a guess', () => {
    const ev = base();
    ev.tasks = [];
    ev.targets = [];
    const r = computeScore(R, ev);
    expect(r.results).toBe(0);
    expect(r.flags).toContain('results.no_evidence');
  });
  it('grades at their boundaries: ≥ 90, 70–<90, 50–<70, < 50', () => {
    expect([90, 89.99, 70, 69.99, 50, 49.99].map((x) => gradeOf(R, x))).toEqual([
      'excellent',
      'good',
      'good',
      'completed',
      'completed',
      'not_completed',
    ]);
  });
});

const leader = (personId: number, total: number, results = 60, timeliness = 18, quality = 18): Ranked => ({
  personId,
  total,
  results,
  timeliness,
  quality,
  grade: gradeOf(R, total),
});

describe('excellent at most 20 % of good in the group', () => {
  it('the demoted count as good: 10 excellent, 20 good → 5 (5 ≤ 20 % × 25); 3 and 10 → 2', () => {
    expect(allowedExcellent(R, 10, 20)).toBe(5);
    expect(allowedExcellent(R, 3, 10)).toBe(2);
    expect(allowedExcellent(R, 1, 5)).toBe(1); // 1 ≤ 0.2 × 5
    expect(allowedExcellent(R, 1, 4)).toBe(0); // 1 > 0.2 × 4: a group needs 5 good for one excellent
  });
  it('the highest totals keep excellent; the others are graded good with their rank', () => {
    const group = [
      leader(1, 95),
      leader(2, 92),
      leader(3, 91),
      ...Array.from({ length: 10 }, (_, i) => leader(10 + i, 80)),
    ];
    const v = applyCap(R, group);
    expect(v.filter((x) => x.finalGrade === 'excellent').map((x) => x.personId)).toEqual([1, 2]);
    expect(v.find((x) => x.personId === 3)).toMatchObject({ finalGrade: 'good', capped: true, rank: 3 });
  });
  it('tie on total is broken by results, then timeliness, then quality', () => {
    const group = [
      leader(1, 92, 60),
      leader(2, 92, 62),
      leader(3, 92, 62, 19),
      ...Array.from({ length: 10 }, (_, i) => leader(10 + i, 80)),
    ];
    const v = applyCap(R, group);
    expect(
      v
        .filter((x) => x.finalGrade === 'excellent')
        .map((x) => x.personId)
        .sort(),
    ).toEqual([2, 3]);
    expect(v.find((x) => x.personId === 3)!.rank).toBe(1);
  });
  it('leaders tied on every key across the cut are all graded good', () => {
    const group = [
      leader(1, 95),
      leader(2, 92),
      leader(3, 92),
      ...Array.from({ length: 10 }, (_, i) => leader(10 + i, 80)),
    ];
    const v = applyCap(R, group);
    expect(v.filter((x) => x.finalGrade === 'excellent').map((x) => x.personId)).toEqual([1]);
    expect(v.find((x) => x.personId === 2)!.capped).toBe(true);
  });
});

describe('a target is met by its official figure', () => {
  const t = (
    target_kind: string,
    low: string | null,
    high: string | null,
    value: string | null,
    direction = 'higher',
  ) => targetMet({ target_kind, low, high, direction, value });
  it('min, max, range, point by direction; no figure is never met', () => {
    expect([t('min', '8', null, '8'), t('min', '8', null, '7.99')]).toEqual([true, false]);
    expect([t('max', null, '2', '2'), t('max', null, '2', '2.1')]).toEqual([true, false]);
    expect([t('range', '1', '3', '3'), t('range', '1', '3', '0.5')]).toEqual([true, false]);
    expect([t('point', '5', '5', '6'), t('point', '5', '5', '6', 'lower')]).toEqual([true, false]);
    expect(t('min', '8', null, null)).toBe(false);
  });
});
