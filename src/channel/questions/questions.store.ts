// SQL of the standing office's questions: one row per question, its draft/review state, and the published FAQ.
// Search runs on search_folded (lowercase, accents removed): the FAQ matches every word of the query as a
// substring; suggestions rank by pg_trgm word_similarity, which PGlite ships too (db.ts loads the extension).
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/db.generated.ts';

export type QuestionRow = Selectable<DB['office_questions']>;

export function insertQuestion(db: Db, row: Insertable<DB['office_questions']>) {
  return db.insertInto('office_questions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function lockQuestion(db: Db, id: number) {
  return db.selectFrom('office_questions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function questionById(db: Db, id: number) {
  return db.selectFrom('office_questions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateQuestion(db: Db, id: number, set: Updateable<DB['office_questions']>) {
  return db.updateTable('office_questions').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A unit in force on a day, by code. */
export function unitByCode(db: Db, code: string, day: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'level', 'parent_id'])
    .where('code', '=', code)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .executeTakeFirst();
}

export function unitById(db: Db, id: number) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'level', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The units in the subtrees of `roots` (any validity): the scope of a list. */
export async function subtreeOf(db: Db, roots: number[]): Promise<number[]> {
  if (roots.length === 0) return [];
  const r = await sql<{ id: number }>`
    with recursive t(id) as (
      select id from units where id in (${sql.join(roots)})
      union select u.id from units u join t on u.parent_id = t.id)
    select id from t`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

const listed = (db: Db) =>
  db
    .selectFrom('office_questions as q')
    .innerJoin('units as o', 'o.id', 'q.office_unit_id')
    .innerJoin('units as a', 'a.id', 'q.asker_unit_id')
    .select([
      'q.id',
      'q.subject',
      'q.status',
      'q.asked_on',
      'q.due_on',
      'q.answered_on',
      'q.published_at',
      'o.code as office_code',
      'o.name as office_name',
      'a.code as asker_code',
      'a.name as asker_name',
    ]);
export type ListedRow = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];

/** Questions whose office or asking unit is in `unitIds` (null: all), earliest due first. */
export function list(
  db: Db,
  f: { unitIds: number[] | null; officeId?: number; overdueOn?: string; limit: number },
): Promise<ListedRow[]> {
  let q = listed(db);
  if (f.unitIds) {
    const ids = f.unitIds;
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where((eb) => eb.or([eb('q.office_unit_id', 'in', ids), eb('q.asker_unit_id', 'in', ids)]));
  }
  if (f.officeId !== undefined) q = q.where('q.office_unit_id', '=', f.officeId);
  if (f.overdueOn) q = q.where('q.status', '<>', 'answered').where('q.due_on', '<', f.overdueOn);
  return q.orderBy('q.due_on').orderBy('q.id').limit(f.limit).execute();
}

const published = (db: Db) =>
  db
    .selectFrom('office_questions as q')
    .innerJoin('units as o', 'o.id', 'q.office_unit_id')
    .select([
      'q.id',
      'q.public_subject',
      'q.public_body',
      'q.public_answer',
      'q.answered_on',
      'q.published_at',
      'o.code as office_code',
      'o.name as office_name',
    ])
    .where('q.published_at', 'is not', null);
export type PublishedRow = Awaited<ReturnType<ReturnType<typeof published>['execute']>>[number];

/** The FAQ: published questions holding every (folded) word, newest first. */
export function faq(db: Db, words: string[], limit: number): Promise<PublishedRow[]> {
  let q = published(db);
  for (const w of words) q = q.where('q.search_folded', 'like', `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy('q.published_at', 'desc').orderBy('q.id', 'desc').limit(limit).execute();
}

/** Published questions most like the (folded) text, by trigram word similarity, best first. */
export function similar(db: Db, folded: string, min: number, limit: number) {
  const score = sql<number>`word_similarity(${folded}, q.search_folded)`;
  return published(db)
    .select(score.as('score'))
    .where(score, '>=', min)
    .orderBy(score, 'desc')
    .orderBy('q.id')
    .limit(limit)
    .execute();
}
