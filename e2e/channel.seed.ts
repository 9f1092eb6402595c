// What the public channel pages show in the browser tests (illustrative, made up for the tests): one open
// consultation of Hà Nội with two sections, two confirmed participations from two provinces and one published
// answer; satisfaction questionnaires about Ba Đình over two quarters of 2026, as the services would take them.
import type { Db } from '../src/platform/db/db.ts';
import { systemContext } from '../src/platform/context.ts';
import {
  answerGroup,
  createConsultation,
  getConsultation,
  groupComments,
} from '../src/channel/consultations/consultations.service.ts';
import { confirmParticipation, participate } from '../src/channel/consultations/consultations.participate.ts';
import { answerSurvey } from '../src/channel/satisfaction/satisfaction.service.ts';
import { query, sql } from './coherence.ts';

export const CONSULTATION_TITLE = 'Dự thảo Đề án sắp xếp tổ chức bộ máy phường Ba Đình (minh họa)';
/** A commune in force in Hà Nội, by the name a citizen types and its code. */
export const BA_DINH = { search: 'Ba Đình', code: '00004' };

export async function seedChannel(db: Db): Promise<{ consultation: number }> {
  const ctx = systemContext('e2e');
  const [hanoi] = await query(
    db,
    sql<{ id: number }>`select id from units where code = '01' and level = 1 and valid_to is null`,
  );
  // Some commune in force outside Hà Nội (commune codes run province by province; Hà Nội's are far below 20000),
  // so the results have two provinces.
  const [elsewhere] = await query(
    db,
    sql<{
      code: string;
    }>`select code from units where level = 3 and valid_to is null and code > '20000' order by code limit 1`,
  );
  const c = await createConsultation(db, ctx, {
    title: CONSULTATION_TITLE,
    kind: 'plan',
    summary: 'Dự thảo minh họa cho kiểm thử: lấy ý kiến nhân dân về phương án tổ chức bộ máy.',
    unitId: hanoi.id,
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    sections: [
      {
        heading: 'Phương án tổ chức các phòng chuyên môn',
        body: 'Giữ ba phòng chuyên môn và một trung tâm phục vụ hành chính công.',
      },
      { heading: 'Trụ sở làm việc', body: 'Dùng trụ sở của phường Quán Thánh cũ.' },
    ],
  });
  const [s1, s2] = c.sections.map((s) => s.id);
  const noMail = { smtpUrl: null, mailFrom: 'e2e@localhost' };
  const took = async (email: string, residenceCode: string, overall: 'agree' | 'disagree', comment?: string) => {
    const { code } = await participate(
      db,
      ctx,
      c.id,
      {
        email,
        residenceCode,
        overall,
        votes: [
          { sectionId: s1, choice: overall },
          { sectionId: s2, choice: 'agree' },
        ],
        comments: comment ? [{ sectionId: s2, text: comment }] : [],
      },
      { mail: noMail },
    );
    await confirmParticipation(db, ctx, code);
  };
  await took('mot@example.vn', BA_DINH.code, 'agree', 'Trụ sở cần có chỗ đỗ xe cho người dân.');
  await took('hai@example.vn', elsewhere.code, 'disagree');
  const comments = (await getConsultation(db, c.id)).comments;
  const group = await groupComments(db, ctx, c.id, {
    sectionId: s2,
    title: 'Chỗ đỗ xe tại trụ sở',
    commentIds: comments.map((m) => m.id),
  });
  await answerGroup(db, ctx, c.id, group.id, {
    answer: 'Cơ quan soạn thảo tiếp thu: bổ sung bãi đỗ xe ở sân sau của trụ sở.',
  });

  // Three questionnaires in Q1 and two in Q2 (small samples, marked as such); scores chosen to give round figures.
  const survey = (day: string, score: number) =>
    answerSurvey(
      db,
      ctx,
      { unitCode: BA_DINH.code, answers: { '1.1': score, '2.1': score, '3.1': 5, '4.1': 4, '5.1': score } },
      { today: day },
    );
  for (const [day, score] of [
    ['2026-02-10', 5],
    ['2026-03-02', 4],
    ['2026-03-20', 2],
    ['2026-05-05', 5],
    ['2026-06-01', 3],
  ] as const)
    await survey(day, score);
  return { consultation: c.id };
}
