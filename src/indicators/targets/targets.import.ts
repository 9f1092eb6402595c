// Importing targets from a file (the provinces' GRDP targets of Annex 2 come as their own files): all or
// nothing, like figures. Each row becomes a new version of its unit's target with the row's decision, set by
// the level that gives it (the CLI acts for it). Layout: data/indicators/README.md.
import { ZodError } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError, badRequest, parseIsoDate, type Message } from '../../platform/errors.ts';
import { readTableFile, rowInput } from '../values/values.file.ts';
import type { BadRow } from '../values/values.import.ts';
import { requireDefinition } from '../definitions/definitions.service.ts';
import { unitByCodeOn } from '../definitions/definitions.store.ts';
import { TargetInput } from './targets.schemas.ts';
import { setTargetInTrx, targetSpan } from './targets.service.ts';

export const TARGET_COLUMNS = [
  'indicator',
  'unit',
  'period',
  'kind',
  'low',
  'high',
  'per_year',
  'baseline_period',
  'baseline_value',
  'decision',
  'decided_on',
  'source',
] as const;

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export async function importTargets(db: Db, ctx: RequestContext, name: string, bytes: Buffer) {
  const rows = await readTableFile(
    name,
    bytes,
    ['indicator', 'unit', 'period', 'kind', 'decision', 'decided_on'],
    TARGET_COLUMNS,
  );
  const bad: BadRow[] = [];
  const ready: { unitId: number; target: TargetInput; decision: { text: string; on: string } }[] = [];
  for (const row of rows) {
    const { unit, decision, decided_on, per_year, ...rest } = rowInput(row, TARGET_COLUMNS);
    try {
      const target = TargetInput.parse({
        ...rest,
        per_year: ['1', 'true', 'có', 'x'].includes((per_year ?? '').toLowerCase()),
      });
      const def = await requireDefinition(db, target.indicator);
      const lastDay = dayBefore(targetSpan(def.period_type, target.period).end);
      const u = await unitByCodeOn(db, unit ?? '', lastDay);
      if (!u)
        throw badRequest({
          vi: `Không có đơn vị mã ${unit} ngày ${lastDay}.`,
          en: `No unit with code ${unit} on ${lastDay}.`,
        });
      if (!decision) throw badRequest({ vi: 'Thiếu quyết định giao chỉ tiêu.', en: 'The decision is missing.' });
      ready.push({
        unitId: u.id,
        target,
        decision: { text: decision, on: parseIsoDate(decided_on ?? '', 'decided_on') },
      });
    } catch (err) {
      let m: Message;
      if (err instanceof AppError) m = err.detail;
      else if (err instanceof ZodError) {
        const what = err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        m = { vi: what, en: what };
      } else throw err;
      bad.push({ line: row.line, vi: `Dòng ${row.line}: ${m.vi}`, en: `Line ${row.line}: ${m.en}` });
    }
  }
  if (bad.length)
    throw badRequest(
      {
        vi: `Không nhập gì: ${bad.length} dòng lỗi trong ${name}. Sửa các dòng được liệt kê rồi nhập lại cả tệp.`,
        en: `Nothing imported: ${bad.length} bad row(s) in ${name}. Fix the rows listed and import the whole file again.`,
      },
      { rows: bad },
    );
  return db.transaction().execute(async (trx) => {
    let created = 0;
    for (const r of ready) if ((await setTargetInTrx(trx, ctx, r.unitId, r.target, r.decision)).created) created++;
    const summary = { file: name, rows: ready.length, versionsCreated: created };
    await recordAudit(trx, ctx, { action: 'indicators.targets.import', entity: 'indicator_targets', after: summary });
    return summary;
  });
}
