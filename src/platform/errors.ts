// Errors a person can act on. Every refusal carries a Vietnamese and an English
// sentence; the HTTP layer turns it into application/problem+json and the CLI
// prints it. Anything else that escapes is a bug and is reported as a 500.
import { dateProblem } from './schemas.ts';

export interface Message {
  vi: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: Message,
    readonly detail: Message,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail.en);
  }
}

export const badRequest = (detail: Message, extra?: Record<string, unknown>) =>
  new AppError(400, 'bad-request', { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' }, detail, extra);

export const unauthenticated = (
  detail: Message = {
    vi: 'Bạn cần đăng nhập để xem nội dung này.',
    en: 'You need to sign in to see this.',
  },
) => new AppError(401, 'unauthenticated', { vi: 'Chưa đăng nhập', en: 'Not signed in' }, detail);

export const forbidden = (detail: Message, extra?: Record<string, unknown>) =>
  new AppError(403, 'forbidden', { vi: 'Không có quyền', en: 'Not allowed' }, detail, extra);

export const notFound = (what: Message) =>
  new AppError(
    404,
    'not-found',
    { vi: 'Không tìm thấy', en: 'Not found' },
    {
      vi: `Không tìm thấy ${what.vi}.`,
      en: `${what.en} was not found.`,
    },
  );

export const conflict = (detail: Message, extra?: Record<string, unknown>) =>
  new AppError(409, 'conflict', { vi: 'Xung đột dữ liệu', en: 'Conflict' }, detail, extra);

export const tooManyRequests = (detail: Message, retryAfterSeconds: number) =>
  new AppError(429, 'too-many-requests', { vi: 'Quá nhiều lần thử', en: 'Too many attempts' }, detail, {
    retryAfterSeconds,
  });

/** A date given as text must be a real calendar date in YYYY-MM-DD form, in the platform's range (platform/schemas.ts). */
export function parseIsoDate(value: string, field: string): string {
  const problem = dateProblem(value);
  if (problem) {
    throw badRequest({
      vi: `${field}: ${problem.vi}, nhận được "${value}".`,
      en: `${field}: ${problem.en}, got "${value}".`,
    });
  }
  return value;
}

export function todayIso(): string {
  // The registry's dates are Vietnamese calendar dates (UTC+7, no daylight saving).
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
