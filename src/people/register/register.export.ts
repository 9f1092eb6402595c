// The register as an .xlsx in the import's layout (register.sheet.ts COLUMNS), with the full identity numbers:
// a file of personal data, so only HR officers over the unit may ask for it, and each export is audited with
// its row count (not its content). An exported file imports back unchanged.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { PEOPLE } from '../people.policy.ts';
import { decryptId } from './register.crypto.ts';
import { CATEGORY_WORDS, COLUMNS, type PersonCategory } from './register.sheet.ts';
import * as store from './register.store.ts';

type Q = Kysely<Database>;

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const mark = (b: boolean) => (b ? 'x' : '');

export async function exportRegister(db: Q, ctx: RequestContext, unitId: number) {
  await requireGrantOver(db, ctx, PEOPLE['people.personal'], unitId);
  const unit = await store.unitOf(db, unitId);
  if (!unit) throw notFound({ vi: `đơn vị số ${unitId}`, en: `Unit ${unitId}` });
  const rows = (await store.listPeople(db, unitId, { limit: 1_000_000, offset: 0 })).items;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow([...COLUMNS]);
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.unit_code,
      r.full_name,
      dmy(r.birth_date),
      r.sex === 'm' ? 'Nam' : 'Nữ',
      decryptId(r.id_cipher), // text, so leading zeros stay
      CATEGORY_WORDS[r.category as PersonCategory].vi,
      r.position ?? '',
      r.rank ?? '',
      Number(r.salary_coef),
      Number(r.position_allowance_coef),
      Number(r.other_allowances_vnd),
      Math.floor(r.si_months / 12),
      r.si_months % 12,
      mark(r.ethnic_minority),
      mark(r.religious),
      mark(r.pregnant_or_maternity),
      dmy(r.youngest_child_birth),
      mark(r.under_discipline),
    ]),
  );
  ws.getColumn(6).numFmt = '@';
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  await recordAudit(db, ctx, {
    action: 'people.export',
    entity: 'people_register',
    entityId: unitId,
    after: { unitId, rowCount: rows.length, personalData: true },
  });
  return { content, fileName: `danh-sach-nguoi-chiu-tac-dong-${unit.code}.xlsx`, rowCount: rows.length };
}
