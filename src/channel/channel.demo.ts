// Demo content (demo mode only), all ILLUSTRATIVE ("minh họa"): for Hà Nội, feedback items in every state
// (some received weeks ago and now overdue, some answered and rated, one closed), one open consultation
// with three sections and a few confirmed votes, and satisfaction surveys for four communes. Through the
// services, as `system:demo` (no network address, so the per-address limit does not apply). Idempotent:
// nothing is written when a demo feedback item exists.
import type { Db } from '../platform/db/db.ts';
import { systemContext } from '../platform/context.ts';
import { todayIso } from '../platform/errors.ts';
import { submit, rate } from './feedback/feedback.service.ts';
import { answer, close, start } from './feedback/feedback.officer.ts';
import { feedbackSettings } from './feedback/feedback.settings.ts';
import { addDays } from './feedback/feedback.deadline.ts';
import { createConsultation } from './consultations/consultations.service.ts';
import { confirmParticipation, participate } from './consultations/consultations.participate.ts';
import { answerSurvey } from './satisfaction/satisfaction.service.ts';

const M = '(minh họa)';
export const CHANNEL_DEMO_CONSULTATION = `Dự thảo Đề án sắp xếp trụ sở dôi dư sau hợp nhất xã ${M}`;
type Step = 'received' | 'started' | 'answered' | 'rated' | 'closed';
/** Category, title, days ago it was received, how far it went. */
const ITEMS: [string, string, number, Step][] = [
  ['environment', 'Rác thải tồn đọng đầu ngõ', 60, 'received'],
  ['infrastructure', 'Đèn chiếu sáng hỏng nhiều ngày', 45, 'started'],
  ['reorganisation', 'Chưa nhận được giấy tờ của xã cũ', 50, 'received'],
  ['public_service', 'Bộ phận một cửa hẹn trả kết quả chậm', 20, 'answered'],
  ['urban_order', 'Lấn chiếm vỉa hè', 12, 'rated'],
  ['land', 'Hỏi về thủ tục cấp đổi giấy chứng nhận', 25, 'rated'],
  ['environment', 'Nước thải chảy ra đường', 3, 'received'],
  ['infrastructure', 'Ổ gà trên đường liên xã', 8, 'started'],
  ['reorganisation', 'Đổi địa chỉ trên căn cước sau sắp xếp', 15, 'closed'],
  ['public_service', 'Hướng dẫn nộp hồ sơ trực tuyến', 6, 'answered'],
];

export async function loadChannelDemo(db: Db, provinceCode = '01') {
  const ctx = systemContext('system:demo');
  const today = todayIso();
  const done = await db.selectFrom('feedback_items').select('id').where('title', 'like', `%${M}`).executeTakeFirst();
  if (done) return null;
  const province = await db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 1)
    .where('code', '=', provinceCode)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (!province) return null;
  const communes = await db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('parent_id', '=', province.id)
    .where('level', '=', 3)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .limit(4)
    .execute();
  if (communes.length === 0) return null;

  const counts: Record<Step, number> = { received: 0, started: 0, answered: 0, rated: 0, closed: 0 };
  for (const [i, [category, title, ago, step]] of ITEMS.entries()) {
    // Submitted "on" a past day, so its legal deadline runs from then (the older ones are overdue now).
    const then = feedbackSettings({ today: () => addDays(today, -ago) });
    const s = feedbackSettings();
    const r = await submit(
      db,
      ctx,
      {
        category,
        title: `${title} ${M}`,
        description: `Nội dung phản ánh minh họa, không phải phản ánh thật: ${title.toLowerCase()}.`,
        unitCode: communes[i % communes.length].code,
        privacy: 'name_hidden',
        name: 'Người dân (minh họa)',
      },
      then,
    );
    const id = (await db.selectFrom('feedback_items').select('id').where('code', '=', r.code).executeTakeFirstOrThrow())
      .id;
    counts[step]++;
    if (step === 'received') continue;
    await start(db, ctx, id, s);
    if (step === 'started') continue;
    if (step === 'closed') {
      await close(db, ctx, id, { reason: 'resolved', note: `Đã giải quyết ${M}` }, s);
      continue;
    }
    await answer(db, ctx, id, `Đơn vị đã tiếp nhận và xử lý; đây là câu trả lời minh họa.`, s);
    if (step === 'rated') await rate(db, ctx, r.code, { rating: 3 + (i % 3), comment: `Nhận xét ${M}` }, s);
  }

  const c = await createConsultation(db, ctx, {
    title: CHANNEL_DEMO_CONSULTATION,
    kind: 'plan',
    summary: 'Dự thảo minh họa để thử chức năng lấy ý kiến; không phải văn bản thật.',
    unitId: province.id,
    opensOn: addDays(today, -10),
    closesOn: addDays(today, 30),
    sections: [
      { heading: `Phần 1. Danh mục trụ sở dôi dư ${M}`, body: 'Nội dung minh họa.' },
      { heading: `Phần 2. Phương án chuyển đổi công năng ${M}`, body: 'Nội dung minh họa.' },
      { heading: `Phần 3. Tổ chức thực hiện ${M}`, body: 'Nội dung minh họa.' },
    ],
  });
  let votes = 0;
  for (let i = 0; i < 6; i++) {
    const p = await participate(db, ctx, c.id, {
      email: `nguoi-dan-${i + 1}@example.invalid`,
      residenceCode: communes[i % communes.length].code,
      overall: i % 4 === 3 ? 'disagree' : 'agree',
      votes: c.sections.map((sec, k) => ({ sectionId: sec.id, choice: (i + k) % 3 === 0 ? 'disagree' : 'agree' })),
      comments: i % 2 === 0 ? [{ sectionId: c.sections[1].id, text: `Góp ý minh họa số ${i + 1}.` }] : [],
    });
    await confirmParticipation(db, ctx, p.code);
    votes++;
  }

  let surveys = 0;
  for (const [k, commune] of communes.entries())
    for (let n = 0; n < 5; n++) {
      const score = 2 + ((k + n) % 4); // 2..5: a spread, not a verdict
      await answerSurvey(db, ctx, {
        unitCode: commune.code,
        answers: { '1.1': score, '2.1': Math.min(5, score + 1), '3.1': score },
      });
      surveys++;
    }
  return { items: ITEMS.length, counts, consultationId: c.id, votes, surveys };
}
