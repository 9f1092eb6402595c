// SQL of the satisfaction surveys: one insert per questionnaire, and counts grouped by period or by unit.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { inForceSql } from '../../units/registry/registry.store.ts';

type Q = Kysely<Database>;

/** The unit with this code in force on `day`, with its province (itself at level 1; null for the country). */
export async function unitWithProvince(db: Q, code: string, day: string) {
  const r = await sql<{ id: number; code: string; name: string; level: number; province_id: number | null }>`
    with recursive c as (
      select id, code, full_name as name, level from units u where u.code = ${code} and ${inForceSql(day, 'u')}
      order by level limit 1
    ), up(id, parent_id, level) as (
      select u.id, u.parent_id, u.level from units u join c on u.id = c.id
      union all
      select u.id, u.parent_id, u.level from units u join up on u.id = up.parent_id where up.level > 1
    )
    select c.id, c.code, c.name, c.level, (select id from up where level = 1) as province_id from c`.execute(db);
  return r.rows[0];
}

export async function insertSurvey(
  trx: Q,
  s: {
    unitId: number;
    provinceId: number | null;
    answeredOn: string;
    period: string;
    feedbackRef: string | null;
    answers: { component: number; question: string; score: number }[];
  },
) {
  const row = await trx
    .insertInto('satisfaction_surveys')
    .values({
      unit_id: s.unitId,
      province_id: s.provinceId,
      answered_on: s.answeredOn,
      period: s.period,
      feedback_ref: s.feedbackRef,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('satisfaction_answers')
    .values(s.answers.map((a) => ({ survey_id: row.id, ...a })))
    .execute();
  return row.id;
}

export type Scope = { kind: 'country' } | { kind: 'province'; id: number } | { kind: 'unit'; id: number };
export type GroupBy = 'all' | 'period' | 'province' | 'unit';

const keyOf = (g: GroupBy): RawBuilder<string> =>
  g === 'all'
    ? sql<string>`'all'`
    : g === 'period'
      ? sql<string>`s.period`
      : g === 'province'
        ? sql<string>`s.province_id::text`
        : sql<string>`s.unit_id::text`;

function where(scope: Scope, period: string | undefined) {
  const inScope =
    scope.kind === 'country'
      ? sql`true`
      : scope.kind === 'province'
        ? sql`s.province_id = ${scope.id}`
        : sql`s.unit_id = ${scope.id}`;
  const inPeriod = !period
    ? sql`true`
    : period.includes('Q')
      ? sql`s.period = ${period}`
      : sql`s.period like ${`${period}-Q%`}`;
  return sql`${inScope} and ${inPeriod}`;
}

/** Questionnaires, and answers and satisfied answers per component, grouped by `by`. */
export async function counts(db: Q, scope: Scope, period: string | undefined, by: GroupBy, satisfiedFrom: number) {
  const [samples, answers] = await Promise.all([
    sql<{ key: string; n: number }>`
      select ${keyOf(by)} as key, count(*)::int as n from satisfaction_surveys s
       where ${where(scope, period)} group by 1`.execute(db),
    sql<{ key: string; component: number; answers: number; satisfied: number }>`
      select ${keyOf(by)} as key, a.component, count(*)::int as answers,
             (count(*) filter (where a.score >= ${satisfiedFrom}))::int as satisfied
        from satisfaction_answers a join satisfaction_surveys s on s.id = a.survey_id
       where ${where(scope, period)} group by 1, 2`.execute(db),
  ]);
  return { samples: samples.rows, answers: answers.rows };
}

export const unitsByIds = (db: Q, ids: number[]) =>
  ids.length
    ? db.selectFrom('units').select(['id', 'code', 'full_name as name', 'level']).where('id', 'in', ids).execute()
    : Promise.resolve([]);
