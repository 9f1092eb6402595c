// The channel's mutations run through the API for src/audit/audit.actions.test.ts, which checks that every
// mutation route outside the program was run and that each audit record holds what its kind needs. The
// confirmation code only ever travels by e-mail, so one participation is made through the service (which gives
// the code back) and confirmed through the API.
import type { Db } from '../../platform/db/db.ts';
import { systemContext } from '../../platform/context.ts';
import { participate } from './consultations.participate.ts';

type Call = (method: 'POST' | 'PATCH', url: string, payload: object) => Promise<Record<string, unknown>>;

export async function runChannelMutations(db: Db, call: Call, unitIds: { hanoi: number }) {
  const c = (await call('POST', '/api/consultations', {
    title: 'Đề án sắp xếp (kiểm tra nhật ký)',
    kind: 'plan',
    unitId: unitIds.hanoi,
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    sections: [{ heading: 'Phương án' }, { heading: 'Tên gọi' }],
  })) as { id: number; sections: { id: number }[] };
  const section = c.sections[0].id;
  await call('POST', `/api/consultations/${c.id}/participations`, {
    email: 'mot@example.vn',
    residenceCode: '00004',
    overall: 'agree',
    votes: [{ sectionId: section, choice: 'agree' }],
  });
  const { code } = await participate(db, systemContext('test'), c.id, {
    email: 'hai@example.vn',
    residenceCode: '00004',
    overall: 'disagree',
    votes: [],
    comments: [{ sectionId: section, text: 'Gọi 0912345678 để trao đổi' }],
  });
  await call('POST', '/api/consultations/confirm', { code });
  const detail = (await call('POST', `/api/consultations/${c.id}/groups`, {
    sectionId: section,
    title: 'Ý kiến về phương án',
    commentIds: [await firstComment(db, c.id)],
  })) as { id: number };
  await call('POST', `/api/consultations/${c.id}/groups/${detail.id}/answer`, { answer: 'Tiếp thu.' });
  await call('POST', '/api/satisfaction/surveys', { unitCode: '00004', answers: { '1.1': 5, '5.4': 2 } });
}

async function firstComment(db: Db, consultationId: number) {
  const { getConsultation } = await import('./consultations.service.ts');
  return (await getConsultation(db, consultationId)).comments[0].id;
}
