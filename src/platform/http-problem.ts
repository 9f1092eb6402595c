// Every error leaves the server as application/problem+json (RFC 9457) with a
// sentence a person can act on, in Vietnamese unless the client asks for English.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type Message } from './errors.ts';

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
