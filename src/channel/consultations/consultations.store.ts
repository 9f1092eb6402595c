// SQL of consultations: drafts and sections, participations (votes, comments), groups and answers, counts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { inForceSql } from '../../units/registry/registry.store.ts';

type Q = Kysely<Database>;

const CONSULTATION = [
  'c.id',
  'c.title',
  'c.kind',
  'c.summary',
  'c.unit_id',
  'c.opens_on',
  'c.closes_on',
  'c.created_at',
  'u.code as unit_code',
  'u.full_name as unit_name',
] as const;

export const listConsultations = (db: Q) =>
  db
    .selectFrom('consultations as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(CONSULTATION)
    .orderBy('c.opens_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();

export const findConsultation = (db: Q, id: number) =>
  db
    .selectFrom('consultations as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(CONSULTATION)
    .where('c.id', '=', id)
    .executeTakeFirst();
export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof findConsultation>>>;

/** Locks the consultation row: participations of one address, and groupings, do not interleave. */
export const lockConsultation = (db: Q, id: number) =>
  db
    .selectFrom('consultations')
    .select(['id', 'unit_id', 'opens_on', 'closes_on'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export async function insertConsultation(
  trx: Q,
  c: {
    title: string;
    kind: string;
    summary: string;
    unitId: number;
    opensOn: string;
    closesOn: string;
    createdBy: string;
    sections: { heading: string; body: string }[];
  },
) {
  const row = await trx
    .insertInto('consultations')
    .values({
      title: c.title,
      kind: c.kind,
      summary: c.summary,
      unit_id: c.unitId,
      opens_on: c.opensOn,
      closes_on: c.closesOn,
      created_by: c.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('consultation_sections')
    .values(c.sections.map((s, i) => ({ consultation_id: row.id, position: i + 1, heading: s.heading, body: s.body })))
    .execute();
  return row.id;
}

export const sectionsOf = (db: Q, consultationId: number) =>
  db
    .selectFrom('consultation_sections')
    .select(['id', 'position', 'heading', 'body'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .execute();

/** A commune-level unit (level 3) with this code in force on `day`, with its province (the level-1 ancestor). */
export async function communeOn(db: Q, code: string, day: string) {
  const r = await sql<{ id: number; code: string; name: string; province_id: number | null }>`
    with recursive c as (
      select id, code, full_name as name from units u where u.code = ${code} and u.level = 3 and ${inForceSql(day, 'u')}
      order by id limit 1
    ), up(id, parent_id, level) as (
      select u.id, u.parent_id, u.level from units u join c on u.id = c.id
      union all
      select u.id, u.parent_id, u.level from units u join up on u.id = up.parent_id where up.level > 1
    )
    select c.id, c.code, c.name, (select id from up where level = 1) as province_id from c`.execute(db);
  return r.rows[0];
}

/** The participation of one identity (its hash, or any of the hashes it may have been stored under). */
export const findParticipant = (db: Q, consultationId: number, identityHashes: string[]) =>
  db
    .selectFrom('consultation_participants')
    .select(['id', 'confirmed_at'])
    .where('consultation_id', '=', consultationId)
    .where('identity_hash', 'in', identityHashes)
    .orderBy(sql`confirmed_at is null`) // a confirmed one first
    .executeTakeFirst();

/** A still-pending participation of this code, whatever its age: tells an expired code from a wrong one. */
export const pendingByConfirmHash = (db: Q, confirmHash: string) =>
  db
    .selectFrom('consultation_participants')
    .select(['id', 'created_at'])
    .where('confirm_hash', '=', confirmHash)
    .executeTakeFirst();

export const deleteParticipant = (db: Q, id: number) =>
  db.deleteFrom('consultation_participants').where('id', '=', id).execute();

export async function insertParticipation(
  trx: Q,
  p: {
    consultationId: number;
    identityHash: string;
    confirmHash: string;
    residenceUnitId: number;
    residenceProvinceId: number;
    votedOn: string;
    overall: string | null;
    votes: { sectionId: number; choice: string }[];
    comments: { sectionId: number; body: string; redactions: number }[];
  },
) {
  const row = await trx
    .insertInto('consultation_participants')
    .values({
      consultation_id: p.consultationId,
      identity_hash: p.identityHash,
      confirm_hash: p.confirmHash,
      residence_unit_id: p.residenceUnitId,
      residence_province_id: p.residenceProvinceId,
      voted_on: p.votedOn,
      overall: p.overall,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (p.votes.length)
    await trx
      .insertInto('consultation_votes')
      .values(p.votes.map((v) => ({ participant_id: row.id, section_id: v.sectionId, choice: v.choice })))
      .execute();
  if (p.comments.length)
    await trx
      .insertInto('consultation_comments')
      .values(
        p.comments.map((c) => ({
          participant_id: row.id,
          section_id: c.sectionId,
          body: c.body,
          redactions: c.redactions,
        })),
      )
      .execute();
  return row.id;
}

/** Confirms the pending participation of this code if the code was issued (the row written) at or after `issuedSince`. */
export const confirmParticipant = (db: Q, confirmHash: string, issuedSince: Date) =>
  db
    .updateTable('consultation_participants')
    .set({ confirm_hash: null, confirmed_at: sql`now()` })
    .where('confirm_hash', '=', confirmHash)
    .where('created_at', '>=', issuedSince)
    .returning(['id', 'consultation_id', 'residence_unit_id', 'overall', 'voted_on'])
    .executeTakeFirst();

/** Published comments: those of confirmed participations, with the commune the writer lives in. */
export const publishedComments = (db: Q, consultationId: number) =>
  db
    .selectFrom('consultation_comments as m')
    .innerJoin('consultation_participants as p', 'p.id', 'm.participant_id')
    .innerJoin('units as u', 'u.id', 'p.residence_unit_id')
    .select(['m.id', 'm.section_id', 'm.body', 'm.group_id', 'm.created_at', 'u.full_name as residence'])
    .where('p.consultation_id', '=', consultationId)
    .where('p.confirmed_at', 'is not', null)
    .orderBy('m.id')
    .execute();

export const groupsOf = (db: Q, consultationId: number) =>
  db
    .selectFrom('consultation_groups as g')
    .select([
      'g.id',
      'g.section_id',
      'g.title',
      'g.answer',
      'g.answered_at',
      (eb) =>
        eb
          .selectFrom('consultation_comments as m')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('m.group_id', '=', 'g.id')
          .as('comments'),
    ])
    .where('g.consultation_id', '=', consultationId)
    .orderBy('g.id')
    .execute();

export const insertGroup = (trx: Q, g: { consultationId: number; sectionId: number | null; title: string }) =>
  trx
    .insertInto('consultation_groups')
    .values({ consultation_id: g.consultationId, section_id: g.sectionId, title: g.title })
    .returning(['id', 'section_id', 'title', 'answer', 'answered_at'])
    .executeTakeFirstOrThrow();

/** Puts the comments (of this consultation, and of the section when the group has one) in the group; returns their ids and former groups. */
export async function assignComments(
  trx: Q,
  consultationId: number,
  groupId: number,
  sectionId: number | null,
  ids: number[],
) {
  const before = await trx
    .selectFrom('consultation_comments as m')
    .innerJoin('consultation_participants as p', 'p.id', 'm.participant_id')
    .select(['m.id', 'm.group_id', 'm.section_id'])
    .where('m.id', 'in', ids)
    .where('p.consultation_id', '=', consultationId)
    .where('p.confirmed_at', 'is not', null)
    .forUpdate()
    .execute();
  const fits = before.filter((m) => sectionId === null || m.section_id === sectionId);
  if (fits.length)
    await trx
      .updateTable('consultation_comments')
      .set({ group_id: groupId })
      .where(
        'id',
        'in',
        fits.map((m) => m.id),
      )
      .execute();
  return fits;
}

export const lockGroup = (db: Q, consultationId: number, groupId: number) =>
  db
    .selectFrom('consultation_groups')
    .select(['id', 'section_id', 'title', 'answer', 'answered_at', 'answered_by'])
    .where('id', '=', groupId)
    .where('consultation_id', '=', consultationId)
    .forUpdate()
    .executeTakeFirst();

export const setAnswer = (db: Q, groupId: number, answer: string, by: string) =>
  db
    .updateTable('consultation_groups')
    .set({ answer, answered_at: sql`now()`, answered_by: by })
    .where('id', '=', groupId)
    .returning(['id', 'section_id', 'title', 'answer', 'answered_at'])
    .executeTakeFirstOrThrow();

// ---- counts (confirmed participations only)
export interface CountRow {
  unit_id: number;
  province_id: number;
  choice: string;
  n: number;
}

export async function overallCounts(db: Q, consultationId: number) {
  const r = await sql<CountRow>`
    select residence_unit_id as unit_id, residence_province_id as province_id, overall as choice, count(*)::int as n
      from consultation_participants
     where consultation_id = ${consultationId} and confirmed_at is not null and overall is not null
     group by 1, 2, 3`.execute(db);
  return r.rows;
}

export async function sectionCounts(db: Q, consultationId: number) {
  const r = await sql<CountRow & { section_id: number }>`
    select p.residence_unit_id as unit_id, p.residence_province_id as province_id, v.section_id, v.choice,
           count(*)::int as n
      from consultation_votes v join consultation_participants p on p.id = v.participant_id
     where p.consultation_id = ${consultationId} and p.confirmed_at is not null
     group by 1, 2, 3, 4`.execute(db);
  return r.rows;
}

export async function participantCounts(db: Q, consultationId: number) {
  const r = await sql<{ unit_id: number; province_id: number; confirmed: boolean; n: number }>`
    select residence_unit_id as unit_id, residence_province_id as province_id, confirmed_at is not null as confirmed,
           count(*)::int as n
      from consultation_participants where consultation_id = ${consultationId}
     group by 1, 2, 3`.execute(db);
  return r.rows;
}

export const unitNames = (db: Q, ids: number[]) =>
  ids.length
    ? db.selectFrom('units').select(['id', 'code', 'full_name as name']).where('id', 'in', ids).execute()
    : Promise.resolve([]);
