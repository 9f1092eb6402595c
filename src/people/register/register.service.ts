// The register of affected people: import (all or nothing, every bad row listed), the list and one record
// (masked outside HR, every view audited), the export of personal data (HR only, audited with its row count).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound, type Message } from '../../platform/errors.ts';
import { checkRole, requireGrantOver, unitsReachable } from '../../platform/policy/policy.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { PEOPLE } from '../people.policy.ts';
import { encryptId, idHash, piiKeys } from './register.crypto.ts';
import type { ReadSheet, RowProblem } from './register.sheet.ts';
import * as store from './register.store.ts';
import { presentPerson } from './register.present.ts';
import type { ListInput } from './register.schemas.ts';

type Q = Kysely<Database>;
const PERSON: Message = { vi: 'Người này', en: 'This person' };

/** The day before the reorganisation took effect (1 July 2025): unit codes of a register are read on it. */
export const BEFORE_REFORM = '2025-06-30';

export function rowsRefused(problems: RowProblem[]) {
  const shown = problems.slice(0, 1000);
  const list = shown.map((p) => `dòng ${p.row}: ${p.reasons.map((r) => r.vi).join('; ')}`);
  return new AppError(
    422,
    'register-rows-refused',
    { vi: 'Danh sách có dòng sai: chưa nhập dòng nào', en: 'Rows refused: nothing was imported' },
    {
      vi: `${problems.length} dòng sai, chưa nhập gì. Sửa các dòng sau rồi nhập lại cả tệp: ${list.slice(0, 20).join(' | ')}${problems.length > 20 ? ' …' : ''}`,
      en: `${problems.length} rows are wrong; nothing was imported. Fix them and import the whole file again.`,
    },
    {
      rows: shown,
      errors: shown.map((p) => ({
        field: `row ${p.row}`,
        message: `${p.reasons.map((r) => r.vi).join('; ')} / ${p.reasons.map((r) => r.en).join('; ')}`,
      })),
    },
  );
}

export interface ImportOptions {
  unitId: number;
  dryRun: boolean;
  source: string | null;
  /** Date on which unit codes in the file are read. */
  asOf?: string;
}

/** Imports a read sheet into the register of `unitId` (rows may name units under it): all or nothing. */
export async function importRegister(db: Q, ctx: RequestContext, sheet: ReadSheet, o: ImportOptions) {
  await requireGrantOver(db, ctx, PEOPLE['people.import'], o.unitId);
  const keys = piiKeys(); // refuses in production without a key, before anything is read
  const root = await store.unitOf(db, o.unitId);
  if (!root) throw notFound({ vi: `đơn vị số ${o.unitId}`, en: `Unit ${o.unitId}` });
  const problems: RowProblem[] = [...sheet.problems];
  const within = await store.subtreeIds(db, o.unitId);
  const codes = [...new Set(sheet.people.map((p) => p.unitCode).filter((c): c is string => c !== null))];
  const byCode = await store.unitsByCodes(db, codes, o.asOf ?? BEFORE_REFORM);
  const hashes = sheet.people.map((p) => idHash(p.idNumber));
  const existing = new Map((await store.peopleByHashes(db, hashes)).map((r) => [r.id_hash, r]));
  const rows: store.StoredPerson[] = [];
  sheet.people.forEach((p, i) => {
    const reasons: Message[] = [];
    let unitId = o.unitId;
    if (p.unitCode !== null) {
      const found = byCode.get(p.unitCode);
      if (found === undefined)
        reasons.push({
          vi: `không có đơn vị mã ${p.unitCode} hiệu lực ngày ${o.asOf ?? BEFORE_REFORM}`,
          en: `no unit with code ${p.unitCode} in force on ${o.asOf ?? BEFORE_REFORM}`,
        });
      else if (!within.has(found))
        reasons.push({
          vi: `đơn vị mã ${p.unitCode} không thuộc ${root.name}`,
          en: `unit ${p.unitCode} is not under ${root.name}`,
        });
      else unitId = found;
    }
    const before = existing.get(hashes[i]);
    if (before && !within.has(before.unit_id))
      reasons.push({
        vi: 'số định danh này đã có trong danh sách của một đơn vị khác; liên hệ bộ phận tổ chức cán bộ cấp trên',
        en: 'this ID number is already in the register of another unit; contact the HR office above',
      });
    if (reasons.length > 0) {
      problems.push({ row: p.row, reasons });
      return;
    }
    rows.push({
      unit_id: unitId,
      category: p.category,
      full_name: p.fullName,
      birth_date: p.birthDate,
      sex: p.sex,
      id_cipher: encryptId(p.idNumber),
      id_hash: hashes[i],
      position: p.position,
      rank: p.rank,
      salary_coef: p.salaryCoef,
      position_allowance_coef: p.positionAllowanceCoef,
      other_allowances_vnd: p.otherAllowancesVnd,
      si_months: p.siMonths,
      ethnic_minority: p.ethnicMinority,
      religious: p.religious,
      pregnant_or_maternity: p.pregnantOrMaternity,
      youngest_child_birth: p.youngestChildBirth,
      under_discipline: p.underDiscipline,
      source: o.source,
    });
  });
  if (problems.length > 0) throw rowsRefused(problems.sort((a, b) => a.row - b.row));
  if (rows.length === 0)
    throw new AppError(
      422,
      'register-empty',
      { vi: 'Tệp không có người nào', en: 'No people in the file' },
      {
        vi: 'Tệp không có dòng dữ liệu nào sau dòng tiêu đề. Hãy điền danh sách theo mẫu (xuất mẫu bằng lệnh people export).',
        en: 'The file has no data row after the header. Fill in the register in the template layout.',
      },
    );
  const base = { unitId: o.unitId, rows: rows.length, dryRun: o.dryRun, devKey: keys.dev };
  if (o.dryRun) {
    const updated = rows.filter((r) => existing.has(r.id_hash)).length;
    return { ...base, inserted: rows.length - updated, updated };
  }
  return db.transaction().execute(async (trx) => {
    const counts = await store.upsertPeople(trx, rows);
    // Counts only: the audit log is read by more people than HR, so personal data are not copied into it.
    await recordAudit(trx, ctx, {
      action: 'people.import',
      entity: 'people_register',
      entityId: o.unitId,
      after: { unitId: o.unitId, rows: rows.length, ...counts, source: o.source },
    });
    return { ...base, ...counts };
  });
}

/** Of these units, those whose people's personal data the caller may see (HR over them). */
export async function personalUnits(db: Q, ctx: RequestContext, unitIds: number[]): Promise<Set<number>> {
  try {
    checkRole(ctx, PEOPLE['people.personal']);
  } catch {
    return new Set();
  }
  return unitsReachable(db, ctx, PEOPLE['people.personal'], unitIds);
}

/** A unit subtree's people, one page; rows shown with personal data are audited as viewed. */
export async function listRegister(db: Q, ctx: RequestContext, q: ListInput) {
  await requireGrantOver(db, ctx, PEOPLE['people.read'], q.unitId);
  const page = await store.listPeople(db, q.unitId, q);
  const personal = await personalUnits(db, ctx, [...new Set(page.items.map((r) => r.unit_id))]);
  const items = page.items.map((r) => presentPerson(r, personal.has(r.unit_id)));
  const shown = items.filter((i) => i.personal).map((i) => i.id);
  await recordAudit(db, ctx, {
    action: 'people.list',
    entity: 'people_register',
    entityId: q.unitId,
    after: { unitId: q.unitId, rows: items.length, personalRows: shown.length, people: shown },
  });
  return { total: page.total, personalRows: shown.length, items };
}

/** One person's record; the view is audited whether or not personal data were shown. */
export async function viewPerson(db: Q, ctx: RequestContext, id: number) {
  const r = await store.getPerson(db, id);
  if (!r) throw notFound({ vi: `người số ${id} trong danh sách`, en: `Person ${id} of the register` });
  await requireGrantOver(db, ctx, PEOPLE['people.read'], r.unit_id, PERSON);
  const personal = (await personalUnits(db, ctx, [r.unit_id])).has(r.unit_id);
  const out = presentPerson(r, personal);
  await recordAudit(db, ctx, { action: 'people.view', entity: 'person', entityId: id, after: { personal } });
  return out;
}
