// The access-policy matrix's cases for /api/questions (see src/platform/policy/policy.matrix.cases.ts). In scope:
// Ba Đình asking the Hà Nội office; out of scope: Phong Điền asking the Huế office. Reading is about the asking
// unit (the office above it is covered by the same grants); answering about the office. The seeded questions
// hold a draft, so drafting answers 409, the first allowed reviewer accepts and later ones meet 409, and the same
// for publishing: never 401/403, so the matrix still tells allowed from refused.
import type { Case, Side } from '../../platform/policy/policy.matrix.cases.ts';
import type { World } from '../../platform/policy/policy.matrix.fixture.ts';

const question = (w: World, s: Side) => (s === 'in' ? w.questions.in : w.questions.out);
const office = (w: World, s: Side) => (s === 'in' ? w.units.hanoi : w.units.hue);
const act =
  (tail: string, payload?: object): Case =>
  (w, s) => ({
    method: 'POST',
    url: `/api/questions/${question(w, s).id}/${tail}`,
    payload,
    facts: { unit: office(w, s) },
  });

export const QUESTIONS_CASES: Record<string, Case> = {
  'GET /api/questions/faq': () => ({ method: 'GET', url: '/api/questions/faq?q=tru%20so' }),
  'GET /api/questions/similar': () => ({ method: 'GET', url: '/api/questions/similar?q=tru%20so%20cu%20cua%20xa' }),
  'POST /api/questions': (w, s) => ({
    method: 'POST',
    url: '/api/questions',
    payload: {
      office: s === 'in' ? '01' : '46',
      askerUnitCode: s === 'in' ? '00004' : '19900',
      subject: 'Câu hỏi kiểm tra quyền',
      body: 'Câu hỏi để kiểm tra quyền.',
    },
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),
  'GET /api/questions': () => ({ method: 'GET', url: '/api/questions' }),
  'GET /api/questions/:id': (w, s) => ({
    method: 'GET',
    url: `/api/questions/${question(w, s).id}`,
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),
  'POST /api/questions/:id/draft': act('draft', { answer: 'Trả lời để kiểm tra quyền.' }),
  'POST /api/questions/:id/review': act('review', { decision: 'accept' }),
  'POST /api/questions/:id/publish': act('publish'),
};
