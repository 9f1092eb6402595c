// The standing office's mutations for src/audit/audit.actions.test.ts: ask (as the test's administrator),
// draft, then a second officer (created here: nobody reviews their own draft) returns, the draft is redone,
// the second officer accepts, and publishes.
import type { FastifyInstance } from 'fastify';

type Call = (method: 'POST' | 'PATCH', url: string, payload: object) => Promise<{ id: number }>;
type Inject = (o: {
  method: 'POST';
  url: string;
  payload?: object;
  headers?: Record<string, string>;
}) => Promise<{ statusCode: number; body: string; json: () => { id: number } }>;

export async function runQuestionMutations(app: FastifyInstance, call: Call, inject: Inject) {
  const password = 'a long enough password';
  await call('POST', '/api/users', {
    username: 'qreviewer',
    displayName: 'Người duyệt',
    password,
    grants: [{ role: 'central_officer', unitCode: 'VN' }],
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'qreviewer', password },
  });
  const headers = {
    cookie: `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
    'x-csrf-token': login.json().csrfToken as string,
  };
  const asReviewer = async (url: string, payload: object) => {
    const res = await inject({ method: 'POST', url, payload, headers });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  const q = await call('POST', '/api/questions', {
    office: 'central',
    askerUnitCode: '00004',
    subject: 'Lưu trữ hồ sơ sau sáp nhập',
    body: 'Hồ sơ của xã cũ do đơn vị nào lưu trữ?',
  });
  await call('POST', `/api/questions/${q.id}/draft`, { answer: 'Đơn vị kế thừa lưu trữ.' });
  await asReviewer(`/api/questions/${q.id}/review`, { decision: 'return', reason: 'Cần dẫn căn cứ pháp lý.' });
  await call('POST', `/api/questions/${q.id}/draft`, { answer: 'Đơn vị kế thừa lưu trữ, theo Luật Lưu trữ 2024.' });
  await asReviewer(`/api/questions/${q.id}/review`, { decision: 'accept' });
  await asReviewer(`/api/questions/${q.id}/publish`, {});
}
