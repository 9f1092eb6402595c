// Validation errors in words an official can act on (issue 10, item 7): "«q»: dài quá 200 ký tự", not zod's
// "Too big: expected string to have <=200 characters". A message the schema wrote itself is already bilingual,
// "vi / en" (the project's convention), and is split; zod's own messages are rewritten from the issue's code and
// figures, in Vietnamese and in English.
import type { Message } from '../errors.ts';

/** What fastify-type-provider-zod hands over for one zod issue: its code, path and the issue's other fields. */
export interface ValidationItem {
  keyword: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** `field` is the path a form matches to its input (`tasks.2.title`, as before); `label` is how a person reads it. */
export interface FieldProblem {
  field: string;
  label: string;
  message: Message;
}

const TYPE_WORDS: Record<string, Message> = {
  string: { vi: 'một chuỗi chữ', en: 'text' },
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  bigint: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'đúng hoặc sai (true/false)', en: 'true or false' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một nhóm trường (đối tượng)', en: 'an object' },
  date: { vi: 'một ngày', en: 'a date' },
};

const FORMAT_WORDS: Record<string, Message> = {
  email: { vi: 'một địa chỉ e-mail', en: 'an e-mail address' },
  url: { vi: 'một địa chỉ web (URL)', en: 'a web address (URL)' },
  date: { vi: 'một ngày dạng NNNN-TT-NN', en: 'a date as YYYY-MM-DD' },
  datetime: { vi: 'một thời điểm ISO 8601', en: 'an ISO 8601 date and time' },
  uuid: { vi: 'một mã UUID', en: 'a UUID' },
};

const vn = (n: unknown) =>
  typeof n === 'number' || typeof n === 'bigint' ? Number(n).toLocaleString('vi-VN') : String(n);
const en = (n: unknown) =>
  typeof n === 'number' || typeof n === 'bigint' ? Number(n).toLocaleString('en-US') : String(n);

/** The field as a person reads it: `body.tasks.3.title` → `tasks[3].title`, the request part dropped. */
export function fieldName(path: string, context?: string): string {
  const parts = path.replace(/^\//, '').split('/').filter(Boolean);
  if (parts.length === 0) return context === 'body' ? 'dữ liệu gửi lên' : context || 'dữ liệu';
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${Number(p) + 1}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The issue's message in both languages. */
export function issueMessage(item: ValidationItem): Message {
  const own = item.message ?? '';
  const split = own.split(' / ');
  if (split.length === 2 && split[0] && split[1]) return { vi: split[0], en: split[1] }; // the schema's own words
  const p = item.params ?? {};
  const origin = String(p.origin ?? '');
  const inclusive = p.inclusive !== false;
  switch (item.keyword) {
    case 'too_big': {
      const max = p.maximum;
      if (origin === 'string') return { vi: `dài quá ${vn(max)} ký tự`, en: `longer than ${en(max)} characters` };
      if (origin === 'array' || origin === 'set')
        return { vi: `nhiều hơn ${vn(max)} mục`, en: `more than ${en(max)} items` };
      return inclusive
        ? { vi: `không được lớn hơn ${vn(max)}`, en: `must be at most ${en(max)}` }
        : { vi: `phải nhỏ hơn ${vn(max)}`, en: `must be less than ${en(max)}` };
    }
    case 'too_small': {
      const min = p.minimum;
      if (origin === 'string')
        return Number(min) <= 1
          ? { vi: 'không được để trống', en: 'must not be empty' }
          : { vi: `phải có ít nhất ${vn(min)} ký tự`, en: `must have at least ${en(min)} characters` };
      if (origin === 'array' || origin === 'set')
        return { vi: `phải có ít nhất ${vn(min)} mục`, en: `must have at least ${en(min)} items` };
      return inclusive
        ? { vi: `không được nhỏ hơn ${vn(min)}`, en: `must be at least ${en(min)}` }
        : { vi: `phải lớn hơn ${vn(min)}`, en: `must be greater than ${en(min)}` };
    }
    case 'invalid_type': {
      const want = TYPE_WORDS[String(p.expected)] ?? { vi: String(p.expected), en: String(p.expected) };
      if (/received undefined/.test(own)) return { vi: 'bắt buộc, chưa có giá trị', en: 'is required' };
      return { vi: `phải là ${want.vi}`, en: `must be ${want.en}` };
    }
    case 'invalid_value': {
      const values = Array.isArray(p.values) ? p.values.map((v) => String(v)).join(', ') : '';
      return { vi: `phải là một trong: ${values}`, en: `must be one of: ${values}` };
    }
    case 'invalid_format': {
      const words = FORMAT_WORDS[String(p.format)];
      return words
        ? { vi: `phải là ${words.vi}`, en: `must be ${words.en}` }
        : { vi: 'sai định dạng', en: 'has the wrong format' };
    }
    case 'not_multiple_of':
      return { vi: `phải là bội số của ${vn(p.divisor)}`, en: `must be a multiple of ${en(p.divisor)}` };
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.join(', ') : '';
      return { vi: `có trường không được nhận: ${keys}`, en: `has fields that are not accepted: ${keys}` };
    }
    default:
      return { vi: 'không hợp lệ', en: own || 'is invalid' };
  }
}

export function fieldProblems(items: ValidationItem[], context?: string): FieldProblem[] {
  return items.map((item) => {
    const path = (item.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return {
      field: path || context || 'input',
      label: fieldName(item.instancePath ?? '', context),
      message: issueMessage(item),
    };
  });
}

/** The sentence for the problem's detail: every field with what is wrong with it. */
export function validationDetail(problems: FieldProblem[]): Message {
  return {
    vi: `Vui lòng sửa: ${problems.map((f) => `«${f.label}» ${f.message.vi}`).join('; ')}.`,
    en: `Please correct: ${problems.map((f) => `"${f.label}" ${f.message.en}`).join('; ')}.`,
  };
}
