// Importing a file of figures: all or nothing. Every row is checked first (its shape, its indicator, its
// period, its unit in force at the period's end); if any row is wrong nothing is written and every bad row is
// listed with its line. Then one transaction records each figure with its own audit row, and one summary row.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { AppError, badRequest, type Message } from '../../platform/errors.ts';
import { ValueInput } from './values.schemas.ts';
import { readValuesFile, rowInput } from './values.file.ts';
import { recordValueInTrx, resolveValue } from './values.service.ts';

export interface BadRow {
  line: number;
  vi: string;
  en: string;
}

export async function importValues(db: Db, ctx: RequestContext, name: string, bytes: Buffer) {
  const rows = await readValuesFile(name, bytes);
  const bad: BadRow[] = [];
  const inputs: ValueInput[] = [];
  for (const row of rows) {
    const parsed = ValueInput.safeParse(rowInput(row));
    if (!parsed.success) {
      const what = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      bad.push({ line: row.line, vi: `Dòng ${row.line}: ${what}`, en: `Line ${row.line}: ${what}` });
      continue;
    }
    try {
      await resolveValue(db, parsed.data);
      inputs.push(parsed.data);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const m = err.detail as Message;
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
    const recorded = [];
    for (const input of inputs) recorded.push(await recordValueInTrx(trx, ctx, input));
    const summary = {
      file: name,
      rows: recorded.length,
      awaitingAcceptance: recorded.filter((r) => !r.accepted_at).length,
      revisions: recorded.filter((r) => r.revises !== null).length,
    };
    await recordAudit(trx, ctx, { action: 'indicators.values.import', entity: 'indicator_values', after: summary });
    return {
      ...summary,
      values: recorded.map((r) => ({
        id: r.id,
        indicator: r.indicator_code,
        unit: r.unit.code,
        period: r.period,
        value: r.value,
        status: r.status,
      })),
    };
  });
}
