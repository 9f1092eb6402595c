// Text that no field may carry, refused at the door of every route: a NUL
// character (PostgreSQL text cannot hold one) and a lone UTF-16 surrogate (not
// Unicode at all: JSON columns refuse it, and printed it becomes "�"). One hook for
// the path, the query and the body of every request, present and future, so no
// route has to remember; the answer is a 400 naming the field.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type Message } from '../errors.ts';

export interface UnsafeText {
  field: string;
  kind: 'nul' | 'surrogate';
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one (String.isWellFormed is ES2024).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const kindOf = (s: string): UnsafeText['kind'] | null =>
  s.includes('\u0000') ? 'nul' : LONE_SURROGATE.test(s) ? 'surrogate' : null;

/**
 * The first string (value or key) in `value` that carries a NUL or a lone surrogate, with its
 * path written like the validation errors' ("grants.0.unitCode"). Iterative: a deeply nested body
 * is walked in a loop, never by recursion, and the body size limit bounds the work.
 */
export function findUnsafeText(value: unknown, root = ''): UnsafeText | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const kind = kindOf(v);
      if (kind) return { field: path, kind };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        const kind = kindOf(k);
        if (kind) return { field: at, kind };
        stack.push([x, at]);
      }
    }
  }
  return null;
}

/** The field's path as it can be shown: a NUL or a lone surrogate in a key is written as its escape. */
const printable = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex -- a NUL is exactly what must be escaped here
    .replace(/\u0000/g, '\\u0000')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function unsafeTextMessage(found: UnsafeText): Message {
  const field = printable(found.field);
  return found.kind === 'nul'
    ? {
        vi: `Trường "${field}" chứa ký tự NUL (mã 0), không lưu được. Hãy xoá ký tự đó rồi gửi lại.`,
        en: `The field "${field}" contains a NUL character (code 0), which cannot be stored. Remove it and send again.`,
      }
    : {
        vi: `Trường "${field}" chứa ký tự không hợp lệ (nửa cặp thay thế UTF-16 đứng một mình, thường do chép từ tệp hỏng). Hãy gõ lại đoạn đó rồi gửi lại.`,
        en: `The field "${field}" contains an invalid character (a lone UTF-16 surrogate, usually pasted from a damaged file). Retype that part and send again.`,
      };
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const found = findUnsafeText(request.params) ?? findUnsafeText(request.query) ?? findUnsafeText(request.body, '');
    if (!found) return;
    const named = { ...found, field: found.field || 'body' };
    const message = unsafeTextMessage(named);
    throw badRequest(message, { errors: [{ field: printable(named.field), message: message.en }] });
  });
}
