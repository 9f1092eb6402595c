// Feedback items for tests that need one on each side of the mini registry (the access-policy matrix): one about
// Ba Đình (Hà Nội side), one about Phong Điền (Huế side), submitted as an anonymous citizen.
import type { Db } from '../../platform/db/db.ts';
import { systemContext } from '../../platform/context.ts';
import { submit } from './feedback.service.ts';
import { feedbackSettings } from './feedback.settings.ts';

export async function seedFeedbackPair(db: Db) {
  const one = async (unitCode: string) => {
    const r = await submit(
      db,
      systemContext('test'),
      {
        category: 'environment',
        title: 'Rác thải',
        description: 'Rác để ở đầu ngõ đã lâu.',
        unitCode,
        privacy: 'name_hidden',
        name: 'Người thử',
      },
      feedbackSettings(),
    );
    const row = await db.selectFrom('feedback_items').select('id').where('code', '=', r.code).executeTakeFirstOrThrow();
    return { id: row.id, code: r.code };
  };
  return { in: await one('00004'), out: await one('19900') };
}
