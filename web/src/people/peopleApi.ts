// The people API calls that are not plain JSON: the register upload (multipart, with the CSRF token).
import { ApiError, currentCsrfToken, request } from '../api';
import type { OutcomeRequest, OutcomeResult } from './types';

export async function uploadRegister(unitId: number, file: File) {
  const form = new FormData();
  form.set('unitId', String(unitId));
  form.set('file', file, file.name);
  const res = await fetch('/api/people/import', {
    method: 'POST',
    body: form,
    credentials: 'include',
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(currentCsrfToken() ? { 'x-csrf-token': currentCsrfToken()! } : {}),
    },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.detail ?? body?.title ?? String(res.status), body);
  return body as { rows: number; inserted: number; updated: number };
}

export const recordOutcome = (id: number, body: OutcomeRequest) =>
  request<OutcomeResult>('POST', `/api/people/${id}/outcome`, body);
