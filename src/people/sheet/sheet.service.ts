// The calculation sheet of one person, as decided (stored with the outcome, never recomputed on reading), under
// the record's personal-data rule: the name and birth date for HR over the person's unit, amounts for everyone
// in scope. Every view and every Word export is audited, as a view of the record is.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { PEOPLE } from '../people.policy.ts';
import { personalUnits } from '../register/register.service.ts';
import * as store from '../register/register.store.ts';
import { BenefitResult } from '../benefits/benefits.schemas.ts';
import type { SheetAnswer } from './sheet.schemas.ts';
import { sheetDocx } from './sheet.docx.ts';

type Q = Kysely<Database>;

async function readSheet(db: Q, ctx: RequestContext, id: number): Promise<SheetAnswer> {
  const r = await store.getPerson(db, id);
  if (!r) throw notFound({ vi: `người số ${id} trong danh sách`, en: `Person ${id} of the register` });
  await requireGrantOver(db, ctx, PEOPLE['people.read'], r.unit_id, { vi: 'Người này', en: 'This person' });
  const o = await store.benefitSheet(db, id);
  if (!o || o.benefit_sheet === null || (o.kind !== 'early_retirement' && o.kind !== 'resignation'))
    throw new AppError(
      404,
      'benefit-sheet-missing',
      { vi: 'Chưa có bảng tính chế độ', en: 'No calculation sheet yet' },
      {
        vi: 'Người này chưa có kết quả nghỉ hưu trước tuổi hoặc thôi việc có bảng tính chế độ. Hãy ghi kết quả (với ngày nghỉ việc và ngày quyết định sắp xếp) để tính.',
        en: 'This person has no early-retirement or resignation outcome with a calculation sheet. Record the outcome (with the leave date and the reorganisation decision date) to compute it.',
      },
    );
  const personal = (await personalUnits(db, ctx, [r.unit_id])).has(r.unit_id);
  const raw = typeof o.benefit_sheet === 'string' ? JSON.parse(o.benefit_sheet) : o.benefit_sheet;
  return {
    person: {
      id: r.id,
      unitName: r.unit_name,
      category: r.category as SheetAnswer['person']['category'],
      position: r.position,
      personal,
      fullName: personal ? r.full_name : null,
      birthDate: personal ? r.birth_date : null,
    },
    outcome: {
      kind: o.kind,
      decisionNumber: o.decision_number,
      decisionDate: o.decision_date,
      decisionSigner: o.decision_signer,
    },
    baseSalary: Number(o.benefit_base_salary_vnd),
    benefit: BenefitResult.parse(raw),
  };
}

export async function viewSheet(db: Q, ctx: RequestContext, id: number) {
  const sheet = await readSheet(db, ctx, id);
  await recordAudit(db, ctx, {
    action: 'people.benefit.view',
    entity: 'person',
    entityId: id,
    after: { personal: sheet.person.personal, total: sheet.benefit.total },
  });
  return sheet;
}

export async function exportSheet(db: Q, ctx: RequestContext, id: number, asOf: string) {
  const sheet = await readSheet(db, ctx, id);
  const content = await sheetDocx(sheet, asOf);
  await recordAudit(db, ctx, {
    action: 'people.benefit.export',
    entity: 'person',
    entityId: id,
    after: { personal: sheet.person.personal, total: sheet.benefit.total, format: 'docx' },
  });
  return { fileName: `bang-tinh-che-do-${id}.docx`, content };
}
