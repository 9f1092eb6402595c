// SQL of leader scoring: the evidence of many leaders read in a few set-based statements (one per kind, for
// every unit at once: scoring 3,321 commune chairs is ~8 queries, not 3,321 × 8), and the stored scores.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { PeriodSpan } from './scores.period.ts';

type Q = Kysely<Database>;

export interface OfficeRow {
  office_id: number;
  leader_id: number;
  full_name: string;
  user_id: number | null;
  unit_id: number;
  unit_code: string | null;
  unit_name: string;
  parent_id: number | null;
  group_code: string;
  position: string;
}

/** Offices held during the period; with `groups`, only those groups (compute re-ranks whole groups). */
export async function officesInPeriod(db: Q, span: PeriodSpan, groups: string[] | null): Promise<OfficeRow[]> {
  const r = await sql<OfficeRow>`
    select distinct on (o.leader_id) o.id as office_id, o.leader_id, l.full_name, l.user_id, o.unit_id,
           u.code as unit_code, u.name as unit_name, u.parent_id, o.group_code, o.position
      from leader_offices o join leaders l on l.id = o.leader_id join units u on u.id = o.unit_id
     where o.valid_from < ${span.end}::date and (o.valid_to is null or o.valid_to > ${span.start}::date)
       and (${groups}::text[] is null or o.group_code = any(${groups}::text[]))
     order by o.leader_id, o.valid_from desc`.execute(db);
  return r.rows;
}

/** The groups of the leaders whose unit lies in the subtree of `unitId`. */
export async function groupsUnder(db: Q, span: PeriodSpan, unitId: number): Promise<string[]> {
  const r = await sql<{ group_code: string }>`
    with recursive sub(id) as (select ${unitId}::bigint union all select u.id from units u join sub on u.parent_id = sub.id)
    select distinct o.group_code from leader_offices o join sub on sub.id = o.unit_id
     where o.valid_from < ${span.end}::date and (o.valid_to is null or o.valid_to > ${span.start}::date)`.execute(db);
  return r.rows.map((x) => x.group_code);
}

/** Tasks of the units due in the period (cancelled ones are not assigned work), with their completion from
 *  ACCEPTED reports only: the first accepted report saying "done" before the period's end. */
export async function tasksOf(db: Q, span: PeriodSpan, unitIds: number[]) {
  const r = await sql<{
    id: number;
    unit_id: number;
    weight: string;
    due_date: string;
    report_id: number | null;
    done_on: string | null;
  }>`
    select t.id, t.unit_id, t.weight::text as weight, t.due_date, d.id as report_id, d.report_date as done_on
      from tasks t
      left join lateral (
        select r.id, r.report_date from task_reports r
         where r.task_id = t.id and r.state = 'accepted' and r.status = 'done' and r.report_date < ${span.end}::date
         order by r.report_date, r.id limit 1) d on true
     where t.kind = 'task' and t.status <> 'cancelled' and t.unit_id = any(${unitIds}::bigint[])
       and t.due_date >= ${span.start}::date and t.due_date < ${span.end}::date
     order by t.id`.execute(db);
  return r.rows;
}

/** Targets for the year (latest version) with the latest ACCEPTED figure known before the period's end. */
export async function targetsOf(db: Q, span: PeriodSpan, unitIds: number[]) {
  const r = await sql<{
    id: number;
    unit_id: number;
    indicator_code: string;
    target_kind: string;
    low: string | null;
    high: string | null;
    direction: string;
    value_id: number | null;
    value: string | null;
  }>`
    select t.id, t.unit_id, t.indicator_code, t.target_kind, t.low::text as low, t.high::text as high, d.direction,
           v.id as value_id, v.value::text as value
      from (select distinct on (indicator_code, unit_id) * from indicator_targets
             where unit_id = any(${unitIds}::bigint[]) and period = ${span.year}
             order by indicator_code, unit_id, version desc) t
      join indicator_definitions d on d.code = t.indicator_code
      left join lateral (
        select x.id, x.value from indicator_values x
         where x.indicator_code = t.indicator_code and x.unit_id = t.unit_id and x.period = ${span.year}
           and x.accepted_at is not null and x.known_from < ${span.end}::date
         order by x.known_from desc, x.id desc limit 1) v on true
     order by t.id`.execute(db);
  return r.rows;
}

export async function assessmentsOf(db: Q, period: string, leaderIds: number[]) {
  const r = await sql<{
    id: number;
    leader_id: number;
    kind: string;
    score: string | null;
    votes_high: number | null;
    votes_medium: number | null;
    votes_low: number | null;
    task_id: number | null;
    decision: string;
  }>`
    select id, leader_id, kind, score::text as score, votes_high, votes_medium, votes_low, task_id, decision
      from leader_assessments where leader_id = any(${leaderIds}::bigint[]) and period = ${period} order by id`.execute(
    db,
  );
  return r.rows;
}

export async function exemptionsOf(db: Q, period: string, leaderIds: number[]) {
  const r = await sql<{
    id: number;
    leader_id: number;
    kind: string;
    assessment_id: number | null;
    task_id: number | null;
  }>`
    select id, leader_id, kind, assessment_id, task_id from score_exemptions
     where leader_id = any(${leaderIds}::bigint[]) and period = ${period}`.execute(db);
  return r.rows;
}

/** Public channel, per unit: satisfaction answers (4–5 satisfied, as SIPAS) in the period's quarters. */
export async function satisfactionOf(db: Q, span: PeriodSpan, unitIds: number[]) {
  const r = await sql<{ unit_id: number; answers: number; satisfied: number; survey_ids: number[] }>`
    select s.unit_id, count(*)::int as answers, count(*) filter (where a.score >= 4)::int as satisfied,
           (array_agg(distinct s.id))[1:50] as survey_ids
      from satisfaction_surveys s join satisfaction_answers a on a.survey_id = s.id
     where s.unit_id = any(${unitIds}::bigint[]) and s.period = any(${span.quarters}::text[])
     group by s.unit_id`.execute(db);
  return r.rows;
}

/** Public channel, per unit: feedback due in the period (before `today`), and those answered by their due day. */
export async function answersOf(db: Q, span: PeriodSpan, unitIds: number[], today: string) {
  const r = await sql<{ unit_id: number; due: number; on_time: number; item_ids: number[] }>`
    select unit_id, count(*)::int as due,
           count(*) filter (where answered_at is not null and (answered_at at time zone 'Asia/Ho_Chi_Minh')::date <= due_on)::int as on_time,
           (array_agg(id order by id))[1:50] as item_ids
      from feedback_items
     where unit_id = any(${unitIds}::bigint[]) and duplicate_of is null
       and due_on >= ${span.start}::date and due_on < least(${span.end}::date, ${today}::date)
     group by unit_id`.execute(db);
  return r.rows;
}

/** Units merged into each unit (merge events within the window), for the disruption adjustment. */
export async function inheritedOf(db: Q, from: string, end: string, unitIds: number[]) {
  const r = await sql<{ unit_id: number; event_id: number; from_ids: number[] }>`
    select l.to_unit_id as unit_id, max(e.id) as event_id, array_agg(distinct l.from_unit_id) as from_ids
      from lineage_links l join lineage_events e on e.id = l.event_id
     where e.kind = 'merge' and l.kind in ('whole', 'part') and l.to_unit_id = any(${unitIds}::bigint[])
       and e.effective_date >= ${from}::date and e.effective_date < ${end}::date
     group by l.to_unit_id`.execute(db);
  return r.rows;
}

export interface NewScore {
  leader_id: number;
  period: string;
  unit_id: number;
  group_code: string;
  rule_set: string;
  total: number;
  general: number;
  results: number;
  grade: string;
  final_grade: string;
  capped: boolean;
  explanation: unknown;
  computed_by: string;
}
export async function insertScores(db: Q, rows: NewScore[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000).map((r) => ({ ...r, explanation: JSON.stringify(r.explanation) }));
    await db.insertInto('leader_scores').values(part).execute();
  }
}

export async function latestScore(db: Q, leaderId: number, period: string) {
  return db
    .selectFrom('leader_scores as s')
    .innerJoin('leaders as l', 'l.id', 's.leader_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.leader_id',
      'l.full_name',
      'l.user_id',
      's.period',
      's.unit_id',
      'u.parent_id',
      'u.code as unit_code',
      'u.name as unit_name',
      's.group_code',
      's.rule_set',
      sql<number>`s.total::float8`.as('total'),
      sql<number>`s.general::float8`.as('general'),
      sql<number>`s.results::float8`.as('results'),
      's.grade',
      's.final_grade',
      's.capped',
      's.explanation',
      sql<string>`to_char(s.computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('computed_at'),
    ])
    .where('s.leader_id', '=', leaderId)
    .where('s.period', '=', period)
    .orderBy('s.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export const leaderById = (db: Q, id: number) =>
  db.selectFrom('leaders').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertLeader(db: Q, fullName: string, userId: number | null) {
  const r = await db
    .insertInto('leaders')
    .values({ full_name: fullName, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}
export async function insertOffice(
  db: Q,
  o: {
    leader_id: number;
    unit_id: number;
    position: string;
    group_code: string;
    valid_from: string;
    valid_to: string | null;
    decision: string;
  },
) {
  const r = await db.insertInto('leader_offices').values(o).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}
export async function insertAssessment(
  db: Q,
  a: {
    leader_id: number;
    period: string;
    kind: string;
    score: number | null;
    votes_high: number | null;
    votes_medium: number | null;
    votes_low: number | null;
    task_id: number | null;
    note: string | null;
    decision: string;
    decided_on: string;
    recorded_by: string;
  },
) {
  const r = await db.insertInto('leader_assessments').values(a).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}
export const assessmentById = (db: Q, id: number) =>
  db.selectFrom('leader_assessments').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertExemption(
  db: Q,
  e: {
    leader_id: number;
    period: string;
    kind: string;
    assessment_id: number | null;
    task_id: number | null;
    cause: string;
    certified_by: string;
    certified_on: string;
    recorded_by: string;
  },
) {
  const r = await db.insertInto('score_exemptions').values(e).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}
export const unitByCode = (db: Q, code: string, day: string) =>
  db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name'])
    .where('code', '=', code)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .executeTakeFirst();
