// Computing, reading and appealing leaders' capacity scores. The evidence is read for every leader at once
// (scores.store), judged by the pure rule (scores.compute), capped per group (scores.cap), and stored with its
// explanation in one transaction with its audit record. A run always re-ranks whole groups: a leader's final
// grade depends on the others in the group, so `--unit` selects the groups of the leaders under that unit.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, notFound, todayIso } from '../../platform/errors.ts';
import {
  checkRole,
  requireGrantOver,
  unitWithinAny,
  grantUnits,
  outOfScope,
  WRITERS,
} from '../../platform/policy/policy.ts';
import { SCORES, PERSONNEL } from './scores.policy.ts';
import { computeScore, targetMet, type Evidence, type ScoreResult } from './scores.compute.ts';
import { applyCap, type CapVerdict } from './scores.cap.ts';
import { DEFAULT_RULE_SET, GRADE_WORDS, type Grade, type RuleSet } from './scores.rules.ts';
import { monthsBefore, periodSpan } from './scores.period.ts';
import * as store from './scores.store.ts';

const who = (ctx: RequestContext) => ctx.user?.username ?? ctx.actorLabel;

/** Every leader's evidence for the period, keyed by leader id. */
export async function gatherEvidence(
  db: Db,
  rules: RuleSet,
  offices: store.OfficeRow[],
  period: string,
  today: string,
) {
  const span = periodSpan(period);
  const unitIds = [...new Set(offices.map((o) => o.unit_id))];
  const leaderIds = offices.map((o) => o.leader_id);
  const [tasks, targets, assessments, exemptions, sat, answers, inherited] = await Promise.all([
    store.tasksOf(db, span, unitIds),
    // targets are set per year: a quarter's score counts none (it would judge a year's target on a quarter)
    span.quarters.length === 4 ? store.targetsOf(db, span, unitIds) : Promise.resolve([]),
    store.assessmentsOf(db, period, leaderIds),
    store.exemptionsOf(db, period, leaderIds),
    store.satisfactionOf(db, span, unitIds),
    store.answersOf(db, span, unitIds, today),
    store.inheritedOf(db, monthsBefore(span.end, rules.disruption.withinMonths), span.end, unitIds),
  ]);
  const byUnit = <T extends { unit_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const list = m.get(r.unit_id);
      if (list) list.push(r);
      else m.set(r.unit_id, [r]);
    }
    return m;
  };
  const tasksBy = byUnit(tasks);
  const targetsBy = byUnit(targets);
  const satBy = new Map(sat.map((s) => [s.unit_id, s]));
  const ansBy = new Map(answers.map((a) => [a.unit_id, a]));
  const inhBy = new Map(inherited.map((i) => [i.unit_id, i]));
  // by leader: a filter over all assessments per leader would be 3,321 × 13,000 comparisons
  const group = <T extends { leader_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const k = Number(r.leader_id);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const assessBy = group(assessments);
  const exemptBy = group(exemptions);
  const out = new Map<number, Evidence>();
  for (const o of offices) {
    const mine = assessBy.get(Number(o.leader_id)) ?? [];
    const ex = exemptBy.get(Number(o.leader_id)) ?? [];
    const s = satBy.get(o.unit_id);
    const a = ansBy.get(o.unit_id);
    const inh = inhBy.get(o.unit_id);
    out.set(o.leader_id, {
      tasks: (tasksBy.get(o.unit_id) ?? []).map((t) => ({
        taskId: t.id,
        weight: Number(t.weight),
        dueDate: t.due_date,
        reportId: t.report_id,
        completedOn: t.done_on,
        majorErrors: mine
          .filter((x) => x.kind === 'major_error' && x.task_id === t.id)
          .map((x) => ({
            id: x.id,
            exemptionId: ex.find((e) => e.kind === 'major_error' && e.assessment_id === x.id)?.id ?? null,
          })),
        delayExemptionId: ex.find((e) => e.kind === 'delay' && e.task_id === t.id)?.id ?? null,
      })),
      targets: (targetsBy.get(o.unit_id) ?? []).map((t) => ({
        targetId: t.id,
        indicatorCode: t.indicator_code,
        valueId: t.value_id,
        achieved: targetMet(t),
      })),
      ratings: mine
        .filter((x) => x.kind === 'superior' || x.kind === 'peer')
        .map((x) => ({ id: x.id, kind: x.kind as 'superior' | 'peer', score: Number(x.score), decision: x.decision })),
      votes: mine
        .filter((x) => x.kind === 'confidence')
        .map((x) => ({
          id: x.id,
          high: x.votes_high!,
          medium: x.votes_medium!,
          low: x.votes_low!,
          decision: x.decision,
        })),
      public: {
        satisfaction: s ? { answers: s.answers, satisfied: s.satisfied, surveyIds: s.survey_ids.map(Number) } : null,
        answers: a ? { due: a.due, onTime: a.on_time, itemIds: a.item_ids.map(Number) } : null,
      },
      inherited: inh ? { unitIds: inh.from_ids.map(Number), eventId: inh.event_id } : { unitIds: [], eventId: null },
    });
  }
  return out;
}

/** Scores and final grades for the offices given (whole groups), not stored: the bench and the tests use it too. */
export async function scoreOffices(
  db: Db,
  offices: store.OfficeRow[],
  period: string,
  today: string,
  rules = DEFAULT_RULE_SET,
) {
  const evidence = await gatherEvidence(db, rules, offices, period, today);
  const scored = offices.map((o) => ({ office: o, score: computeScore(rules, evidence.get(o.leader_id)!) }));
  const verdicts = new Map<number, CapVerdict>();
  const groups = new Map<string, typeof scored>();
  for (const s of scored) {
    const list = groups.get(s.office.group_code);
    if (list) list.push(s);
    else groups.set(s.office.group_code, [s]);
  }
  for (const members of groups.values())
    for (const v of applyCap(
      rules,
      members.map(({ office, score }) => ({
        personId: office.leader_id,
        total: score.total,
        results: score.results,
        timeliness: score.terms.find((t) => t.key === 'results.timeliness')!.points,
        quality: score.terms.find((t) => t.key === 'results.quality')!.points,
        grade: score.grade,
      })),
    ))
      verdicts.set(v.personId, v);
  return scored.map((s) => ({ ...s, cap: verdicts.get(s.office.leader_id)! }));
}

export function explanation(o: store.OfficeRow, period: string, score: ScoreResult, cap: CapVerdict) {
  return {
    leader: { id: o.leader_id, name: o.full_name },
    unit: { id: o.unit_id, code: o.unit_code, name: o.unit_name },
    group: o.group_code,
    period,
    ruleSet: score.ruleSet,
    total: score.total,
    general: score.general,
    results: score.results,
    grade: score.grade,
    finalGrade: cap.finalGrade,
    finalGradeWords: GRADE_WORDS[cap.finalGrade],
    cap: cap.rank === null ? null : { rank: cap.rank, capped: cap.capped, note: cap.note },
    terms: score.terms,
    flags: score.flags,
  };
}

export async function computeScores(
  db: Db,
  ctx: RequestContext,
  input: { period: string; unitCode?: string; today?: string },
) {
  const today = input.today ?? todayIso();
  const span = periodSpan(input.period);
  let groups: string[] | null = null;
  if (input.unitCode) {
    const unit = await store.unitByCode(db, input.unitCode, today);
    if (!unit)
      throw notFound({
        vi: `Đơn vị mã ${input.unitCode} (đang hiệu lực)`,
        en: `Unit with code ${input.unitCode} (in force)`,
      });
    await requireGrantOver(db, ctx, SCORES['scores.compute'], unit.id);
    groups = await store.groupsUnder(db, span, unit.id);
  } else checkRole(ctx, { ...SCORES['scores.compute'], who: ['system_admin', 'central_officer'] });
  const offices = await store.officesInPeriod(db, span, groups);
  const scored = await scoreOffices(db, offices, input.period, today);
  await db.transaction().execute(async (trx) => {
    await store.insertScores(
      trx,
      scored.map(({ office: o, score, cap }) => ({
        leader_id: o.leader_id,
        period: input.period,
        unit_id: o.unit_id,
        group_code: o.group_code,
        rule_set: score.ruleSet,
        total: score.total,
        general: score.general,
        results: score.results,
        grade: score.grade,
        final_grade: cap.finalGrade,
        capped: cap.capped,
        explanation: explanation(o, input.period, score, cap),
        computed_by: who(ctx),
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'scores.compute',
      entity: 'leader_score_run',
      entityId: input.period,
      after: {
        period: input.period,
        unit: input.unitCode ?? null,
        leaders: scored.length,
        groups: [...new Set(offices.map((o) => o.group_code))].length,
        ruleSet: DEFAULT_RULE_SET.version,
      },
    });
  });
  return scored.map(({ office: o, score, cap }) => ({
    leaderId: o.leader_id,
    name: o.full_name,
    unitCode: o.unit_code,
    group: o.group_code,
    total: score.total,
    grade: score.grade as Grade,
    finalGrade: cap.finalGrade,
    capped: cap.capped,
    flags: score.flags,
  }));
}

/** The leader themself, a writer over the unit's parent (superiors), or the personnel committee over the unit. */
async function requireReader(
  db: Db,
  ctx: RequestContext,
  s: { user_id: number | null; unit_id: number; parent_id: number | null },
) {
  checkRole(ctx, SCORES['scores.read']);
  if (ctx.via === 'cli' || ctx.via === 'system') return;
  if (ctx.user && s.user_id !== null && Number(s.user_id) === ctx.user.id) return;
  const superiors = grantUnits(ctx, { ...SCORES['scores.read'], who: WRITERS });
  if (s.parent_id !== null && (await unitWithinAny(db, s.parent_id, superiors))) return;
  const personnel = grantUnits(ctx, { ...SCORES['scores.read'], who: PERSONNEL });
  if (await unitWithinAny(db, s.unit_id, personnel)) return;
  throw outOfScope({ vi: 'Điểm của lãnh đạo này', en: "This leader's score" });
}

/** One leader's latest score with every term and its evidence; the view is audited (personal data). */
export async function explainScore(db: Db, ctx: RequestContext, leaderId: number, period: string) {
  periodSpan(period);
  const s = await store.latestScore(db, leaderId, period);
  if (!s)
    throw notFound({
      vi: `Điểm kỳ ${period} của lãnh đạo số ${leaderId} (hãy chạy «scores compute --period ${period}» trước)`,
      en: `Score for period ${period} of leader ${leaderId} (run «scores compute --period ${period}» first)`,
    });
  await requireReader(db, ctx, s);
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx, {
      action: 'scores.view',
      entity: 'leader_score',
      entityId: s.id,
      after: { leaderId, period },
    });
  });
  return { scoreId: s.id, computedAt: s.computed_at, ...(s.explanation as unknown as ReturnType<typeof explanation>) };
}

/** The unit (and its groups) a leader's evidence belongs to in the period, for access and recomputation. */
async function officeOf(db: Db, leaderId: number, period: string) {
  const offices = await store.officesInPeriod(db, periodSpan(period), null);
  const o = offices.find((x) => x.leader_id === leaderId);
  if (!o)
    throw notFound({
      vi: `Chức vụ của lãnh đạo số ${leaderId} trong kỳ ${period}`,
      en: `Office of leader ${leaderId} in period ${period}`,
    });
  return o;
}

export interface AssessmentInput {
  leaderId: number;
  period: string;
  kind: 'superior' | 'peer' | 'confidence' | 'major_error';
  score?: number;
  votes?: { high: number; medium: number; low: number };
  taskId?: number;
  note?: string;
  decision: string;
  decidedOn: string;
}

export async function recordAssessment(db: Db, ctx: RequestContext, a: AssessmentInput) {
  const o = await officeOf(db, a.leaderId, a.period);
  await requireGrantOver(db, ctx, SCORES['scores.assess'], o.unit_id);
  if ((a.kind === 'superior' || a.kind === 'peer') && a.score === undefined)
    throw badRequest({ vi: 'Hãy ghi điểm đánh giá (0–100).', en: 'Give the rating (0–100).' });
  if (a.kind === 'confidence' && !a.votes)
    throw badRequest({
      vi: 'Hãy ghi số phiếu tín nhiệm cao, trung bình, thấp.',
      en: 'Give the high, medium and low vote counts.',
    });
  if (a.kind === 'major_error' && !a.taskId)
    throw badRequest({ vi: 'Hãy ghi nhiệm vụ có sai sót.', en: 'Name the task the error was found in.' });
  return db.transaction().execute(async (trx) => {
    const row = {
      leader_id: a.leaderId,
      period: a.period,
      kind: a.kind,
      score: a.score ?? null,
      votes_high: a.votes?.high ?? null,
      votes_medium: a.votes?.medium ?? null,
      votes_low: a.votes?.low ?? null,
      task_id: a.taskId ?? null,
      note: a.note ?? null,
      decision: a.decision,
      decided_on: a.decidedOn,
      recorded_by: who(ctx),
    };
    const id = await store.insertAssessment(trx, row);
    await recordAudit(trx, ctx, {
      action: 'scores.assessment.record',
      entity: 'leader_assessment',
      entityId: id,
      after: row,
    });
    return id;
  });
}

export interface ExemptionInput {
  leaderId: number;
  period: string;
  kind: 'major_error' | 'delay';
  assessmentId?: number;
  taskId?: number;
  cause: string;
  certifiedBy: string;
  certifiedOn: string;
}

/** An appeal upheld: the objective cause is recorded, then the leader's whole group is recomputed. */
export async function recordExemption(
  db: Db,
  ctx: RequestContext,
  e: ExemptionInput,
  options: { today?: string } = {},
) {
  const o = await officeOf(db, e.leaderId, e.period);
  await requireGrantOver(db, ctx, SCORES['scores.assess'], o.unit_id);
  if (e.kind === 'major_error') {
    const a = e.assessmentId ? await store.assessmentById(db, e.assessmentId) : undefined;
    if (!a || Number(a.leader_id) !== e.leaderId || a.kind !== 'major_error' || a.period !== e.period)
      throw badRequest({
        vi: 'Miễn trừ sai sót lớn phải chỉ rõ một sai sót lớn đã ghi của lãnh đạo này trong kỳ.',
        en: 'A major-error exemption must name a major error recorded for this leader in the period.',
      });
  } else if (!e.taskId) throw badRequest({ vi: 'Hãy ghi nhiệm vụ bị chậm.', en: 'Name the late task.' });
  const before = await store.latestScore(db, e.leaderId, e.period);
  const id = await db.transaction().execute(async (trx) => {
    const row = {
      leader_id: e.leaderId,
      period: e.period,
      kind: e.kind,
      assessment_id: e.kind === 'major_error' ? e.assessmentId! : null,
      task_id: e.kind === 'delay' ? e.taskId! : null,
      cause: e.cause,
      certified_by: e.certifiedBy,
      certified_on: e.certifiedOn,
      recorded_by: who(ctx),
    };
    const id = await store.insertExemption(trx, row);
    await recordAudit(trx, ctx, {
      action: 'scores.exemption.record',
      entity: 'score_exemption',
      entityId: id,
      after: row,
    });
    return id;
  });
  // the recomputation re-ranks the leader's group (its own transaction and audit record)
  const span = periodSpan(e.period);
  const offices = await store.officesInPeriod(db, span, [o.group_code]);
  const scored = await scoreOffices(db, offices, e.period, options.today ?? todayIso());
  await db.transaction().execute(async (trx) => {
    await store.insertScores(
      trx,
      scored.map(({ office, score, cap }) => ({
        leader_id: office.leader_id,
        period: e.period,
        unit_id: office.unit_id,
        group_code: office.group_code,
        rule_set: score.ruleSet,
        total: score.total,
        general: score.general,
        results: score.results,
        grade: score.grade,
        final_grade: cap.finalGrade,
        capped: cap.capped,
        explanation: explanation(office, e.period, score, cap),
        computed_by: who(ctx),
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'scores.compute',
      entity: 'leader_score_run',
      entityId: e.period,
      after: {
        period: e.period,
        group: o.group_code,
        leaders: scored.length,
        exemptionId: id,
        ruleSet: DEFAULT_RULE_SET.version,
      },
    });
  });
  const after = scored.find((s) => s.office.leader_id === e.leaderId)!;
  return { exemptionId: id, before: before?.total ?? null, after: after.score.total, finalGrade: after.cap.finalGrade };
}

/** Set-up of leaders and their terms of office (CLI, demo, tests). */
export async function addLeader(
  db: Db,
  ctx: RequestContext,
  l: {
    fullName: string;
    userId?: number | null;
    unitId: number;
    position: string;
    groupCode: string;
    validFrom: string;
    validTo?: string | null;
    decision: string;
  },
) {
  await requireGrantOver(db, ctx, SCORES['scores.assess'], l.unitId);
  return db.transaction().execute(async (trx) => {
    const leaderId = await store.insertLeader(trx, l.fullName, l.userId ?? null);
    const office = {
      leader_id: leaderId,
      unit_id: l.unitId,
      position: l.position,
      group_code: l.groupCode,
      valid_from: l.validFrom,
      valid_to: l.validTo ?? null,
      decision: l.decision,
    };
    const officeId = await store.insertOffice(trx, office);
    await recordAudit(trx, ctx, {
      action: 'scores.leader.create',
      entity: 'leader',
      entityId: leaderId,
      after: { fullName: l.fullName, ...office, officeId },
    });
    return leaderId;
  });
}
