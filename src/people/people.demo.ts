// Demo content (demo mode only), all ILLUSTRATIVE: 36 invented people affected by the reorganisation in
// Hà Nội (names say "minh họa", ID numbers are made up), imported through the register service, and the
// outcomes of some of them through the outcomes service: placements into Hà Nội's own civil-servant quota
// (the staffing demo's, so they count against it), early retirements, a resignation, a part-time worker's
// end of service and people continuing until retirement; the rest await a decision. As `system:demo`.
// Idempotent: nothing is written when the register holds people of the demo source.
import type { Db } from '../platform/db/db.ts';
import { systemContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { importRegister } from './register/register.service.ts';
import type { PersonCategory, PersonRow } from './register/register.sheet.ts';
import { recordOutcome } from './outcomes/outcomes.service.ts';

export const PEOPLE_DEMO_SOURCE = 'Dữ liệu minh họa (demo), không phải người thật / ILLUSTRATIVE, not real people';
const COUNT = 36;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quang', 'Thu'];

/** The people the demo sends into early retirement (see the outcomes below). */
const earlyRetiree = (i: number) => i % 6 === 1;

function person(i: number): PersonRow {
  // An early retiree must be 2 to 10 years from the Decree 135 retirement age on the leave date and already
  // entitled to a pension (20 insured years): born 1971 or 1973 (women here), 25 years insured.
  const retiree = earlyRetiree(i);
  const category: PersonCategory =
    i % 9 === 8 ? 'commune_part_time' : i % 6 === 5 ? 'public_employee' : i % 12 === 7 ? 'cadre' : 'civil_servant';
  return {
    row: i + 2,
    unitCode: null,
    fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]} (minh họa ${i + 1})`,
    birthDate: `${retiree ? 1971 + (i % 4) : 1966 + (i % 28)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    sex: i % 2 === 0 ? 'm' : 'f',
    idNumber: `0019${String(90_000_000 + i).padStart(8, '0')}`,
    category,
    position: category === 'commune_part_time' ? null : 'Chuyên viên',
    rank: category === 'civil_servant' ? 'Chuyên viên' : null,
    salaryCoef: 2.34 + (i % 10) * 0.33,
    positionAllowanceCoef: i % 5 === 0 ? 0.2 : 0,
    otherAllowancesVnd: 500_000,
    siMonths: retiree ? 300 : 60 + ((i * 37) % 300),
    ethnicMinority: false,
    religious: false,
    pregnantOrMaternity: false,
    youngestChildBirth: null,
    underDiscipline: false,
  };
}

const DECISION = { decisionSigner: 'Chủ tịch UBND (minh họa)', decisionDate: '2025-09-15' };

export async function loadPeopleDemo(db: Db, provinceCode = '01') {
  const ctx = systemContext('system:demo');
  const done = await db.selectFrom('people').select('id').where('source', '=', PEOPLE_DEMO_SOURCE).executeTakeFirst();
  if (done) return null;
  const province = await db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 1)
    .where('code', '=', provinceCode)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!province) return null;
  const people = Array.from({ length: COUNT }, (_, i) => person(i));
  const imported = await importRegister(
    db,
    ctx,
    { people, problems: [] },
    { unitId: province.id, dryRun: false, source: PEOPLE_DEMO_SOURCE },
  );
  const rows = await db
    .selectFrom('people')
    .select(['id', 'category'])
    .where('source', '=', PEOPLE_DEMO_SOURCE)
    .orderBy('id')
    .execute();
  const outcomes: Record<string, number> = {};
  for (const [i, p] of rows.entries()) {
    const n = `${String(i + 1).padStart(3, '0')}/QĐ-UBND (minh họa)`;
    const kind =
      p.category === 'commune_part_time'
        ? 'part_time_ended'
        : i % 6 === 0
          ? 'placed'
          : earlyRetiree(i)
            ? 'early_retirement'
            : i === 4
              ? 'resignation'
              : i % 6 === 3
                ? 'until_retirement'
                : null;
    if (!kind) continue; // awaiting a decision
    try {
      await recordOutcome(db, ctx, p.id, {
        kind,
        decisionNumber: n,
        ...DECISION,
        voluntary: kind !== 'placed',
        ...(kind === 'placed'
          ? { receivingUnitId: province.id, receivingPosition: 'Chuyên viên (minh họa)', startDate: '2025-10-01' }
          : {}),
        // A leaving outcome's benefit needs the leave date and the reorganisation decision's date: Hà Nội's
        // communes were rearranged by Resolution 1656/NQ-UBTVQH15 of 16/06/2025.
        ...(kind === 'early_retirement' || kind === 'resignation'
          ? { leaveDate: '2025-10-01', reorganisationDate: '2025-06-16' }
          : {}),
      });
      outcomes[kind] = (outcomes[kind] ?? 0) + 1;
    } catch (e) {
      // A placement the quota refuses is what the service is for: the demo keeps that person undecided.
      if (!(e instanceof AppError) || kind !== 'placed') throw e;
      outcomes.refused = (outcomes.refused ?? 0) + 1;
    }
  }
  return { people: imported.rows, outcomes };
}
