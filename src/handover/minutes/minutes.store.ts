// SQL of the minutes' versions (Kysely). The document is kept byte for byte: its SHA-256 is the proof.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;

export interface MinutesRow {
  id: number;
  handover_id: number;
  version: number;
  number: string;
  document_sha256: string;
  lines_sha256: string;
  line_count: number;
  outstanding: number;
  created_at: string;
  from_signed_by: number | null;
  from_signed_label: string | null;
  from_signed_at: string | null;
  to_signed_by: number | null;
  to_signed_label: string | null;
  to_signed_at: string | null;
}

const COLUMNS = sql`id, handover_id, version, number, document_sha256, lines_sha256, line_count, outstanding,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  from_signed_by, from_signed_label, to_char(from_signed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as from_signed_at,
  to_signed_by, to_signed_label, to_char(to_signed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as to_signed_at`;

export async function listMinutes(db: Q, handoverId: number): Promise<MinutesRow[]> {
  const r =
    await sql<MinutesRow>`select ${COLUMNS} from handover_minutes where handover_id = ${handoverId} order by version`.execute(
      db,
    );
  return r.rows;
}

export async function findMinutes(db: Q, handoverId: number, version: number, lock = false) {
  const r = await sql<MinutesRow>`select ${COLUMNS} from handover_minutes
    where handover_id = ${handoverId} and version = ${version} ${lock ? sql`for update` : sql``}`.execute(db);
  return r.rows[0];
}

export async function minutesDocument(db: Q, handoverId: number, version: number) {
  return db
    .selectFrom('handover_minutes')
    .select(['document', 'number', 'document_sha256'])
    .where('handover_id', '=', handoverId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function findBySha(db: Q, sha: string) {
  const r = await sql<MinutesRow & { from_name: string; latest_version: number }>`
    select ${COLUMNS}, (select u.full_name from handovers h join units u on u.id = h.from_unit_id where h.id = m.handover_id) as from_name,
           (select max(version) from handover_minutes x where x.handover_id = m.handover_id)::int as latest_version
      from handover_minutes m where document_sha256 = ${sha}`.execute(db);
  return r.rows[0];
}

/** A version's minutes, replacing an unsigned one of the same version (a signed one is never replaced). */
export async function saveMinutes(
  db: Q,
  m: {
    handoverId: number;
    version: number;
    number: string;
    document: Buffer;
    documentSha256: string;
    linesSha256: string;
    lineCount: number;
    outstanding: number;
    createdBy: number | null;
  },
) {
  await db
    .deleteFrom('handover_minutes')
    .where('handover_id', '=', m.handoverId)
    .where('version', '=', m.version)
    .execute();
  await db
    .insertInto('handover_minutes')
    .values({
      handover_id: m.handoverId,
      version: m.version,
      number: m.number,
      document: m.document,
      document_sha256: m.documentSha256,
      lines_sha256: m.linesSha256,
      line_count: m.lineCount,
      outstanding: m.outstanding,
      created_by: m.createdBy,
    })
    .execute();
  return findMinutes(db, m.handoverId, m.version);
}

export async function signSide(db: Q, id: number, side: 'from' | 'to', by: { id: number | null; label: string }) {
  const set =
    side === 'from'
      ? { from_signed_by: by.id, from_signed_label: by.label, from_signed_at: new Date() }
      : { to_signed_by: by.id, to_signed_label: by.label, to_signed_at: new Date() };
  await db.updateTable('handover_minutes').set(set).where('id', '=', id).execute();
}
