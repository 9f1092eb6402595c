// Every error leaves the server as application/problem+json (RFC 9457) with a
// sentence a person can act on, in Vietnamese unless the client asks for English.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type Message } from './errors.ts';
import { databaseRefusal } from './db-errors.ts';

export type Lang = 'vi' | 'en';

export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'vi') return q;
  return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'vi';
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, type: string, title: Message, detail: Message, extra: Record<string, unknown> = {}) {
  const lang = requestLang(request);
  if (typeof extra.retryAfterSeconds === 'number') reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply.status(status).type('application/problem+json').send({
    type: `https://apparatus.dev/problems/${type}`, title: title[lang], status, detail: detail[lang],
    instance: request.url, ...extra,
  });
}

export function problemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return send(reply, request, error.status, error.type, error.title, error.detail, error.extra);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => {
      const where = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (error as FastifyError & { validationContext?: string }).validationContext || 'input';
      return { field: where, message: v.message ?? 'invalid' };
    });
    const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return send(reply, request, 400, 'validation', { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
      { vi: `Vui lòng sửa: ${list}`, en: `Please correct: ${list}` }, { errors: fields });
  }
  const refused = databaseRefusal(error);
  if (refused) {
    // Input reached the database unchecked: answered as the client's error, logged so the missing validation gets added.
    request.log.warn({ err: error, sqlState: refused.extra.sqlState }, 'database refused request data: a validation is missing');
    return send(reply, request, refused.status, refused.type, refused.title, refused.detail, refused.extra);
  }
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode < 500) {
    return send(reply, request, fe.statusCode, 'request', { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
      { vi: `Yêu cầu không được chấp nhận: ${fe.message}`, en: fe.message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, 500, 'internal', { vi: 'Lỗi hệ thống', en: 'Internal error' }, {
    vi: 'Máy chủ gặp lỗi ngoài dự kiến; không có thay đổi nào được lưu. Vui lòng thử lại hoặc báo quản trị viên (mã yêu cầu ' + request.id + ').',
    en: 'The server hit an unexpected error; nothing was saved. Try again or tell an administrator (request id ' + request.id + ').',
  });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 404, 'not-found', { vi: 'Không tìm thấy', en: 'Not found' },
    { vi: `Không có địa chỉ ${request.method} ${request.url}. Xem tài liệu API tại /api/docs.`, en: `There is no ${request.method} ${request.url}. See the API docs at /api/docs.` });
}

/**
 * Errors Fastify raises before a route is found (Fastify's `frameworkErrors` option): a broken
 * %-escape in the address (400), a path segment longer than the router keeps (414). The query is
 * not parsed then, so the language comes from the Accept-Language header alone.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang: Lang = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'vi';
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
  const detail: Message = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? { vi: 'Một phần của địa chỉ quá dài (mã số trong đường dẫn chỉ có vài chữ số). Hãy kiểm tra lại địa chỉ.', en: 'A part of the address is too long (ids in a path are a few digits). Check the address.' }
    : error.code === 'FST_ERR_BAD_URL'
      ? { vi: 'Địa chỉ có ký tự mã hoá sai (%-escape không hợp lệ). Hãy kiểm tra lại địa chỉ.', en: 'The address has a badly encoded character (an invalid %-escape). Check the address.' }
      : { vi: 'Máy chủ không xử lý được địa chỉ này.', en: 'The server could not route this address.' };
  if (status >= 500) request.log.error({ err: error }, 'router error');
  return reply.status(status).type('application/problem+json').send({
    type: `https://apparatus.dev/problems/${status === 414 ? 'uri-too-long' : status >= 500 ? 'internal' : 'bad-url'}`,
    title: status === 414 ? { vi: 'Địa chỉ quá dài', en: 'Address too long' }[lang] : { vi: 'Địa chỉ không hợp lệ', en: 'Invalid address' }[lang],
    status, detail: detail[lang],
  });
}
