// A 400 problem lists its fields in `errors` (src/platform/http/problem.ts); each is shown on its own input.
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../../api';

/**
 * Puts every field error the server named on the form's input of that name; returns the message to show
 * above the form when some error names no input of the form (or the refusal is not about fields).
 */
export function showFieldErrors(form: FormInstance, err: unknown, fields: readonly string[]): string | null {
  const listed =
    err instanceof ApiError
      ? ((err.problem as { errors?: { field?: string; message?: string }[] } | null)?.errors ?? [])
      : [];
  const mine = listed.filter((e) => e.field && fields.includes(e.field.replace(/^body\./, '')));
  if (mine.length > 0)
    form.setFields(mine.map((e) => ({ name: e.field!.replace(/^body\./, ''), errors: [e.message ?? ''] })));
  return mine.length === listed.length && mine.length > 0 ? null : errorMessage(err);
}
