// Lineage completeness report: what the registry itself says does not add up,
// beside the reconciliation report of the last import of the official files.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import { lastImport } from '../import/import.store.ts';
import { VN_DATASET } from '../import/import.service.ts';
import type { VnReport } from '../vn/vn-types.ts';

export interface CheckFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  units: { id: number; code: string; fullName: string; provinceName: string | null }[];
}

interface Row {
  id: number;
  code: string;
  full_name: string;
  province_name: string | null;
}

async function query(db: Db, where: ReturnType<typeof sql>): Promise<Row[]> {
  const r = await sql<Row>`
    select u.id, u.code, u.full_name,
           case when p.level = 1 then p.full_name when pp.level = 1 then pp.full_name end as province_name
      from units u left join units p on p.id = u.parent_id left join units pp on pp.id = p.parent_id
     where ${where} order by u.level, u.code`.execute(db);
  return r.rows;
}

const finding = (code: string, severity: CheckFinding['severity'], message: string, rows: Row[]): CheckFinding => ({
  code,
  severity,
  message,
  units: rows.map((r) => ({ id: r.id, code: r.code, fullName: r.full_name, provinceName: r.province_name })),
});

export async function checkLineage(db: Db) {
  const ended = await query(
    db,
    sql`u.valid_to is not null and u.level > 0
    and not exists (select 1 from lineage_links l where l.from_unit_id = u.id)
    and not (u.level = 2 and u.valid_to is not null)`,
  );
  const districtsWithoutSuccessor = await query(
    db,
    sql`u.level = 2 and u.valid_to is not null
    and not exists (select 1 from lineage_links l where l.from_unit_id = u.id)`,
  );
  const started = await query(
    db,
    sql`u.valid_from is not null and u.level > 0
    and not exists (select 1 from lineage_links l where l.to_unit_id = u.id)`,
  );
  const badDates = await query(
    db,
    sql`exists (select 1 from lineage_links l join lineage_events e on e.id = l.event_id
      where (l.from_unit_id = u.id and u.valid_to is distinct from e.effective_date)
         or (l.to_unit_id = u.id and u.valid_from is distinct from e.effective_date))`,
  );
  const orphanParents = await query(
    db,
    sql`u.parent_id is not null and exists (select 1 from units p2 where p2.id = u.parent_id
      and ((p2.valid_to is not null and (u.valid_to is null or u.valid_to > p2.valid_to))
        or (p2.valid_from is not null and (u.valid_from is null or u.valid_from < p2.valid_from))))`,
  );
  const duplicateCodes = await query(
    db,
    sql`exists (select 1 from units o where o.id <> u.id and o.code = u.code and o.level = u.level
      and (o.valid_from is null or u.valid_to is null or o.valid_from < u.valid_to)
      and (o.valid_to is null or u.valid_from is null or u.valid_from < o.valid_to))`,
  );
  const findings: CheckFinding[] = [
    finding(
      'old_without_successor',
      'error',
      'Units that ended but have no successor: where did their territory and people go?',
      ended,
    ),
    finding(
      'district_without_successor',
      'info',
      'District-level units ended without successor: expected, the district level was abolished on 2025-07-01.',
      districtsWithoutSuccessor,
    ),
    finding('new_without_predecessor', 'error', 'Units that started on a date but have no predecessor.', started),
    finding(
      'link_date_mismatch',
      'error',
      'Units whose validity does not meet the date of the lineage event that links them.',
      badDates,
    ),
    finding('outlives_parent', 'error', 'Units valid outside the validity of their parent.', orphanParents),
    finding(
      'overlapping_code',
      'error',
      'Two units of the same level share a code over overlapping dates.',
      duplicateCodes,
    ),
  ].filter((f) => f.units.length > 0);
  const last = await lastImport(db, VN_DATASET);
  const report = (last?.report ?? null) as VnReport | null;
  return {
    registry: findings,
    import: report
      ? {
          importedAt: last!.imported_at,
          counts: report.counts,
          expected: report.expected,
          issues: report.issues,
          correctionsApplied: report.correctionsApplied,
        }
      : null,
    summary: {
      registryErrors: findings.filter((f) => f.severity === 'error').reduce((n, f) => n + f.units.length, 0),
      importIssues: report?.issues.length ?? 0,
    },
  };
}
