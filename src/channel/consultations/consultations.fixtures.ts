// Two open consultations for the access-policy matrix: the drafting body Hà Nội ("in scope" for the matrix's
// users) and Huế ("out of scope"), each open from 2026 to 2099 so that taking part works on any test day.
import type { Db } from '../../platform/db/db.ts';
import { systemContext } from '../../platform/context.ts';
import { createConsultation } from './consultations.service.ts';

export async function seedMatrixConsultations(db: Db, units: { hanoi: number; hue: number }) {
  const open = (unitId: number, title: string) =>
    createConsultation(db, systemContext('test'), {
      title,
      kind: 'plan',
      summary: '',
      unitId,
      opensOn: '2026-01-01',
      closesOn: '2099-12-31',
      sections: [{ heading: 'Phương án', body: '' }],
    });
  const [inScope, outScope] = [await open(units.hanoi, 'Đề án Hà Nội'), await open(units.hue, 'Đề án Huế')];
  return {
    in: { id: inScope.id, section: inScope.sections[0].id, unit: units.hanoi },
    out: { id: outScope.id, section: outScope.sections[0].id, unit: units.hue },
  };
}
