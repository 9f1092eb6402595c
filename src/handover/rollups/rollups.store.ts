// Maintained rollups of handovers (issue 11, item 6), moved in the caller's transaction. Each function
// adds (sign +1) or takes away (sign -1) what a set of handovers or lines contributes, by province:
// callers take away the old contribution before a change and add the new one after it, so every
// counter follows any change without knowing which counters the change touches. The same
// definitions, aggregated from the lines, are `naiveDashboard` (the tests' and the bench's baseline).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';

type Q = Kysely<Database>;
type Sign = 1 | -1;

export const STATES = ['draft', 'submitted', 'counted', 'signed', 'closed'] as const;
export const LINE_MEASURES = [
  'lines',
  'outstanding',
  'dossiers',
  'dossiers_digitised',
  'pages',
  'pages_digitised',
  'land_records_not_digitised',
  'seals_not_surrendered',
  'headquarters',
  'headquarters_idle',
] as const;

// What a line counts for: one SQL expression per counter, over `l` (handover_lines).
const HQ = sql`l.kind = 'asset' and l.details->>'assetKind' = 'headquarters'`;
const IDLE = sql`${HQ} and l.details->>'idleSince' is not null and l.status is distinct from 'done'`;
const FULLY_DIGITISED = sql`(l.pages is not null and l.pages > 0 and l.pages_digitised = l.pages)`;
const OPEN_BUSINESS = sql`l.kind = 'business' and l.status = 'open' and l.legal_deadline is not null`;
const LINE_EXPR: Record<(typeof LINE_MEASURES)[number], RawBuilder<unknown>> = {
  lines: sql`count(*)`,
  outstanding: sql`count(*) filter (where l.count_state <> 'received')`,
  dossiers: sql`count(*) filter (where l.kind = 'record' and l.details->>'level' = 'dossier')`,
  dossiers_digitised: sql`count(*) filter (where l.kind = 'record' and l.details->>'level' = 'dossier' and ${FULLY_DIGITISED})`,
  pages: sql`coalesce(sum(l.pages) filter (where l.kind = 'record'), 0)`,
  pages_digitised: sql`coalesce(sum(l.pages_digitised) filter (where l.kind = 'record'), 0)`,
  land_records_not_digitised: sql`count(*) filter (where l.kind = 'record' and l.land_or_investment and not ${FULLY_DIGITISED})`,
  seals_not_surrendered: sql`count(*) filter (where l.kind = 'seal' and l.status is distinct from 'surrendered')`,
  headquarters: sql`count(*) filter (where ${HQ})`,
  headquarters_idle: sql`count(*) filter (where ${IDLE})`,
};

const cols = (names: readonly string[]) => sql.raw(names.join(', '));
const adds = (names: readonly string[]) => sql.raw(names.map((n) => `${n} = r.${n} + excluded.${n}`).join(', '));

/** Which lines a change touches. */
export type LinesWhere =
  { all: true } | { lineId: number } | { handoverId: number } | { handoverId: number; fromId: number; toId: number };

function whereLines(w: LinesWhere): RawBuilder<unknown> {
  if ('all' in w) return sql`true`;
  if ('lineId' in w) return sql`l.id = ${w.lineId}`;
  if ('fromId' in w) return sql`l.handover_id = ${w.handoverId} and l.id between ${w.fromId} and ${w.toId}`;
  return sql`l.handover_id = ${w.handoverId}`;
}

/** Adds or takes away what the lines contribute, by their handover's province; both tables. */
export async function lineDelta(db: Q, sign: Sign, w: LinesWhere): Promise<void> {
  const where = whereLines(w);
  const exprs = sql.join(LINE_MEASURES.map((m) => sql`${sql.lit(sign)} * ${LINE_EXPR[m]}`));
  await sql`
    insert into handover_rollups as r (province_key, ${cols(LINE_MEASURES)})
    select coalesce(h.province_unit_id, 0), ${exprs}
      from handover_lines l join handovers h on h.id = l.handover_id
     where ${where}
     group by 1
    on conflict (province_key) do update set ${adds(LINE_MEASURES)}`.execute(db);
  await sql`
    insert into handover_rollup_days as r (province_key, measure, day, n)
    select p, m, d, ${sql.lit(sign)} * count(*) from (
      select coalesce(h.province_unit_id, 0) as p, 'business_deadline' as m, l.legal_deadline as d
        from handover_lines l join handovers h on h.id = l.handover_id where ${where} and ${OPEN_BUSINESS}
      union all
      select coalesce(h.province_unit_id, 0), 'hq_idle_since', (l.details->>'idleSince')::date
        from handover_lines l join handovers h on h.id = l.handover_id where ${where} and ${IDLE}
    ) x group by p, m, d
    on conflict (province_key, measure, day) do update set n = r.n + excluded.n`.execute(db);
}

const STATE_COLS = STATES.map((s) => `handovers_${s}`);

/** Adds or takes away handovers by their state (before and after a change of state, or on opening). */
export async function handoverDelta(db: Q, sign: Sign, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const exprs = sql.join(STATES.map((s) => sql`${sql.lit(sign)} * count(*) filter (where state = ${s})`));
  await sql`
    insert into handover_rollups as r (province_key, ${cols(STATE_COLS)})
    select coalesce(province_unit_id, 0), ${exprs} from handovers where id = any(${ids}::bigint[]) group by 1
    on conflict (province_key) do update set ${adds(STATE_COLS)}`.execute(db);
}

/** Recomputes both tables from the lines (a repair, and the bench's start after a bulk SQL load). */
export async function rebuildRollups(db: Q): Promise<void> {
  await sql`delete from handover_rollups`.execute(db);
  await sql`delete from handover_rollup_days`.execute(db);
  const ids = await sql<{ id: number }>`select id from handovers`.execute(db);
  await handoverDelta(
    db,
    1,
    ids.rows.map((r) => Number(r.id)),
  );
  await lineDelta(db, 1, { all: true });
}

export type Counters = Record<(typeof STATE_COLS)[number] | (typeof LINE_MEASURES)[number], string> & {
  business_past_deadline: string;
  headquarters_idle_past: string;
};

/** `province`: one province's row; null: the nation (every row). Dated measures: before `today`, idle since on or before `idleBefore`. */
export async function dashboard(
  db: Q,
  o: { provinceId: number | null; today: string; idleBefore: string },
): Promise<Counters> {
  const only = o.provinceId === null ? sql`true` : sql`province_key = ${o.provinceId}`;
  const sums = sql.join(
    [...STATE_COLS, ...LINE_MEASURES].map((c) => sql`coalesce(sum(${sql.ref(c)}), 0)::text as ${sql.ref(c)}`),
  );
  const r = await sql<Counters>`
    select ${sums},
      (select coalesce(sum(n), 0)::text from handover_rollup_days
        where ${only} and measure = 'business_deadline' and day < ${o.today}::date) as business_past_deadline,
      (select coalesce(sum(n), 0)::text from handover_rollup_days
        where ${only} and measure = 'hq_idle_since' and day <= ${o.idleBefore}::date) as headquarters_idle_past
      from handover_rollups where ${only}`.execute(db);
  return r.rows[0];
}

/** The same figures aggregated from the lines and handovers themselves: the baseline the rollups must equal. */
export async function naiveDashboard(
  db: Q,
  o: { provinceId: number | null; today: string; idleBefore: string },
): Promise<Counters> {
  const only = o.provinceId === null ? sql`true` : sql`h.province_unit_id = ${o.provinceId}`;
  const states = sql.join(
    STATES.map(
      (s) =>
        sql`(select count(*) from handovers h where ${only} and h.state = ${s})::text as ${sql.ref(`handovers_${s}`)}`,
    ),
  );
  const measures = sql.join(LINE_MEASURES.map((m) => sql`(${LINE_EXPR[m]})::text as ${sql.ref(m)}`));
  const r = await sql<Counters>`
    select ${states}, ${measures},
      (count(*) filter (where ${OPEN_BUSINESS} and l.legal_deadline < ${o.today}::date))::text as business_past_deadline,
      (count(*) filter (where ${IDLE} and (l.details->>'idleSince')::date <= ${o.idleBefore}::date))::text as headquarters_idle_past
      from handover_lines l join handovers h on h.id = l.handover_id where ${only}`.execute(db);
  return r.rows[0];
}
