// Every error leaves the server as application/problem+json (RFC 9457) with a
// sentence a person can act on, in Vietnamese unless the client asks for English.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type Message } from '../errors.ts';
import { databaseRefusal } from '../db/db-errors.ts';
import { fieldProblems, validationDetail, type ValidationItem } from './validation.ts';

export type Lang = 'vi' | 'en';

export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'vi') return q;
  return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'vi';
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  type: string,
  title: Message,
  detail: Message,
  extra: Record<string, unknown> = {},
) {
  const lang = requestLang(request);
  if (typeof extra.retryAfterSeconds === 'number') reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://apparatus.dev/problems/${type}`,
      title: title[lang],
      status,
      detail: detail[lang],
      instance: request.url,
      ...extra,
    });
}

export function problemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError)
    return send(reply, request, error.status, error.type, error.title, error.detail, error.extra);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError & { validationContext?: string }).validationContext;
    const fields = fieldProblems(error.validation as ValidationItem[], context);
    const lang = requestLang(request);
    return send(
      reply,
      request,
      400,
      'validation',
      { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
      validationDetail(fields),
      { errors: fields.map((f) => ({ field: f.field, label: f.label, message: f.message[lang] })) },
    );
  }
  const refused = databaseRefusal(error);
  if (refused) {
    // Input reached the database unchecked: answered as the client's error, logged so the missing validation gets added.
    request.log.warn(
      { err: error, sqlState: refused.extra.sqlState },
      'database refused request data: a validation is missing',
    );
    return send(reply, request, refused.status, refused.type, refused.title, refused.detail, refused.extra);
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bodyTooLarge(request, reply);
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: error }, 'database unavailable');
    return send(
      reply,
      request,
      503,
      'unavailable',
      { vi: 'Tạm thời gián đoạn', en: 'Temporarily unavailable' },
      {
        vi: 'Cơ sở dữ liệu tạm thời không trả lời. Vui lòng thử lại sau ít phút; nếu bạn vừa lưu, hãy kiểm tra xem thay đổi đã được lưu chưa.',
        en: 'The database is not answering for the moment. Try again in a few minutes; if you were saving, check whether the change was saved.',
      },
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
  if (fe.statusCode && fe.statusCode < 500) {
    return send(
      reply,
      request,
      fe.statusCode,
      'request',
      { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
      { vi: `Yêu cầu không được chấp nhận: ${fe.message}`, en: fe.message },
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(
    reply,
    request,
    500,
    'internal',
    { vi: 'Lỗi hệ thống', en: 'Internal error' },
    {
      vi:
        'Máy chủ gặp lỗi ngoài dự kiến; không có thay đổi nào được lưu. Vui lòng thử lại hoặc báo quản trị viên (mã yêu cầu ' +
        request.id +
        ').',
      en:
        'The server hit an unexpected error; nothing was saved. Try again or tell an administrator (request id ' +
        request.id +
        ').',
    },
  );
}

const RETRY_AFTER_SECONDS = 10;

// What a lost or refused database connection looks like: Node's socket errors, PostgreSQL's
// connection-exception class (08), shutdown and "too many connections" states, and the messages
// of pg's pool, PGlite and Kysely once closed. Anything else stays a 500.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|driver has already been destroyed/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true; // AggregateError of a connect
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** A route may say in its config what its limit means to a person (`bodyLimitMessage`); else the size is named. */
function bodyTooLarge(request: FastifyRequest, reply: FastifyReply) {
  const own = (request.routeOptions.config as { bodyLimitMessage?: Message } | undefined)?.bodyLimitMessage;
  const mb = ((request.routeOptions.bodyLimit ?? 1_048_576) / 1_048_576).toLocaleString('en', {
    maximumFractionDigits: 1,
  });
  return send(
    reply,
    request,
    413,
    'too-large',
    { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request too large' },
    own ?? {
      vi: `Dữ liệu gửi lên lớn hơn ${mb.replace('.', ',')} MB, mức tối đa của địa chỉ này.`,
      en: `The request is larger than ${mb} MB, the most this address accepts.`,
    },
    { limitBytes: request.routeOptions.bodyLimit },
  );
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(
    reply,
    request,
    404,
    'not-found',
    { vi: 'Không tìm thấy', en: 'Not found' },
    {
      vi: `Không có địa chỉ ${request.method} ${request.url}. Xem tài liệu API tại /api/docs.`,
      en: `There is no ${request.method} ${request.url}. See the API docs at /api/docs.`,
    },
  );
}

/**
 * Errors Fastify raises before a route is found (Fastify's `frameworkErrors` option): a broken
 * %-escape in the address (400), a path segment longer than the router keeps (414). The query is
 * not parsed then, so the language comes from the Accept-Language header alone.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang: Lang = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'vi';
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
  const detail: Message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? {
          vi: 'Một phần của địa chỉ quá dài (mã số trong đường dẫn chỉ có vài chữ số). Hãy kiểm tra lại địa chỉ.',
          en: 'A part of the address is too long (ids in a path are a few digits). Check the address.',
        }
      : error.code === 'FST_ERR_BAD_URL'
        ? {
            vi: 'Địa chỉ có ký tự mã hoá sai (%-escape không hợp lệ). Hãy kiểm tra lại địa chỉ.',
            en: 'The address has a badly encoded character (an invalid %-escape). Check the address.',
          }
        : { vi: 'Máy chủ không xử lý được địa chỉ này.', en: 'The server could not route this address.' };
  if (status >= 500) request.log.error({ err: error }, 'router error');
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://apparatus.dev/problems/${status === 414 ? 'uri-too-long' : status >= 500 ? 'internal' : 'bad-url'}`,
      title:
        status === 414
          ? { vi: 'Địa chỉ quá dài', en: 'Address too long' }[lang]
          : { vi: 'Địa chỉ không hợp lệ', en: 'Invalid address' }[lang],
      status,
      detail: detail[lang],
    });
}
