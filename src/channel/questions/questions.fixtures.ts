// A question on each side of the mini registry for the access-policy matrix: Ba Đình asks the Hà Nội office (in
// scope), Phong Điền the Huế office (out of scope). Each already holds a draft by `drafterId` (a user outside the
// matrix's rows), so the matrix's reviewers are never refused as their own reviewer and meet review → publish in turn.
import type { Db } from '../../platform/db/db.ts';
import { foldVietnamese } from '../../units/vn/vn-text.ts';
import { insertQuestion } from './questions.store.ts';

export async function seedQuestionPair(
  db: Db,
  units: { baDinh: number; hanoi: number; hueCommune: number; hue: number },
  drafterId: number,
) {
  const one = async (asker: number, office: number) => {
    const subject = 'Trụ sở làm việc sau sắp xếp';
    const body = 'Trụ sở cũ của xã được dùng vào việc gì?';
    const row = await insertQuestion(db, {
      office_unit_id: office,
      asker_unit_id: asker,
      subject,
      body,
      asked_on: '2026-03-02',
      due_on: '2026-03-16',
      status: 'in_review',
      answer: 'Trụ sở cũ được bố trí làm điểm phục vụ hành chính công.',
      drafted_by: drafterId,
      search_folded: foldVietnamese(`${subject} ${body}`),
    });
    return { id: Number(row.id) };
  };
  return { in: await one(units.baDinh, units.hanoi), out: await one(units.hueCommune, units.hue) };
}
