// Open311 GeoReport v2 over the feedback service: services are the feedback categories, a service request is a
// feedback item (its tracking code is the service_request_id), so an Open311 app submits and reads the same items
// as the public pages. Requests are created synchronously: the POST answers the service_request_id, and a token
// is the same code (tokens/{token} resolves it for clients that ask). What is published is the redacted text; no
// contact, no officer. Not supported: XML (the issue asks for JSON), service attributes (no category has any),
// media uploads (media_url is not stored).
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, badRequest, todayIso } from '../../platform/errors.ts';
import { CATEGORIES, categoryOf } from '../feedback/feedback.categories.ts';
import { normaliseCode } from '../feedback/feedback.code.ts';
import { submit } from '../feedback/feedback.service.ts';
import type { FeedbackSettings } from '../feedback/feedback.settings.ts';
import { listRequests, nearestCommune, type RequestRow } from './open311.store.ts';
import type { z } from 'zod';
import type { PostRequestBody, RequestsQuery } from './open311.schemas.ts';

export const JURISDICTION = 'vn';
/** GeoReport v2: without dates, the last 90 days; at most 1000 requests per answer. */
const DEFAULT_DAYS = 90;
const MAX_REQUESTS = 1000;

export function checkJurisdiction(j: string | undefined) {
  if (j !== undefined && j !== JURISDICTION)
    throw new AppError(
      404,
      'jurisdiction',
      { vi: 'Không có jurisdiction_id này', en: 'Unknown jurisdiction_id' },
      {
        vi: `jurisdiction_id "${j}" không có; máy chủ này phục vụ "${JURISDICTION}".`,
        en: `jurisdiction_id "${j}" not found; this endpoint serves "${JURISDICTION}".`,
      },
    );
}

const unknownService = (code: string) =>
  new AppError(
    404,
    'service',
    { vi: 'Không có dịch vụ này', en: 'Unknown service' },
    { vi: `service_code "${code}" không có.`, en: `service_code "${code}" not found.` },
  );

export function services() {
  return CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: c.name_vi,
    description: `${c.name_en}. ${c.basis}`,
    metadata: false,
    type: 'realtime' as const,
    keywords: [c.code, c.level].join(','),
    group: c.level === 'province' ? 'Cấp tỉnh' : 'Cấp xã',
  }));
}

export function serviceDefinition(code: string) {
  if (!categoryOf(code)) throw unknownService(code);
  return { service_code: code, attributes: [] };
}

export async function postRequest(
  db: Db,
  ctx: RequestContext,
  b: z.infer<typeof PostRequestBody>,
  s: FeedbackSettings,
) {
  checkJurisdiction(b.jurisdiction_id);
  // GeoReport v2: an invalid service_code in a POST is the client's error (400), not a missing resource.
  if (!categoryOf(b.service_code))
    throw badRequest({
      vi: `service_code "${b.service_code}" không có (xem services.json).`,
      en: `service_code "${b.service_code}" is invalid (see services.json).`,
    });
  if (!b.description || b.description.length < 10)
    throw badRequest({
      vi: 'description: cần mô tả ít nhất 10 ký tự.',
      en: 'description: at least 10 characters are needed.',
    });
  let unitCode = b.address_id || undefined;
  if (!unitCode && !b.address_string && b.lat !== undefined && b.long !== undefined)
    unitCode = (await nearestCommune(db, b.lat, b.long, s.today ? s.today() : todayIso()))?.code;
  if (!unitCode && !b.address_string)
    throw badRequest({
      vi: 'Cần vị trí: lat và long, address_string hoặc address_id (mã đơn vị).',
      en: 'A location is needed: lat and long, address_string or address_id (a unit code).',
    });
  const name = [b.last_name, b.first_name].filter(Boolean).join(' ') || undefined;
  const r = await submit(
    db,
    ctx,
    {
      category: b.service_code,
      title: b.description.slice(0, 80),
      description: b.description,
      unitCode,
      address: unitCode ? undefined : b.address_string,
      privacy: 'name_hidden',
      name: name && name.length >= 2 ? name : undefined,
      email: b.email,
      phone: b.phone && /^\+?[0-9 .-]{8,20}$/.test(b.phone) ? b.phone : undefined,
    },
    s,
  );
  return [{ service_request_id: r.code, service_notice: r.routing.vi, account_id: b.account_id ?? null }];
}

const categoryName = (code: string) => categoryOf(code)?.name_vi ?? code;

function present(r: RequestRow) {
  return {
    service_request_id: r.code,
    status: r.status === 'closed' ? ('closed' as const) : ('open' as const),
    status_notes: r.status === 'closed' ? (r.close_note ?? r.public_answer) : r.public_answer,
    service_name: categoryName(r.category),
    service_code: r.category,
    description: r.public_description,
    agency_responsible: r.unit_name,
    service_notice: r.routing_note,
    requested_datetime: r.submitted_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    // The legal due date, at the end of the working day in Vietnam.
    expected_datetime: `${r.due_on}T17:00:00+07:00`,
    address: r.located_name,
    address_id: r.located_code,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: null,
  };
}

export async function getRequests(db: Db, q: z.infer<typeof RequestsQuery>) {
  checkJurisdiction(q.jurisdiction_id);
  const end = q.end_date ? new Date(q.end_date) : new Date();
  const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - DEFAULT_DAYS * 86_400_000);
  const statuses = q.status ? [...new Set(q.status.split(','))] : [];
  const rows = await listRequests(db, {
    codes: q.service_request_id
      ? q.service_request_id
          .split(',')
          .map((c) => normaliseCode(c))
          .slice(0, MAX_REQUESTS)
      : undefined,
    serviceCode: q.service_code,
    start,
    end,
    status: statuses.length === 1 ? (statuses[0] as 'open') : undefined,
    limit: MAX_REQUESTS,
  });
  return rows.map(present);
}

const notFoundRequest = (id: string) =>
  new AppError(
    404,
    'service-request',
    { vi: 'Không có yêu cầu này', en: 'Unknown service request' },
    { vi: `service_request_id "${id}" không có.`, en: `service_request_id "${id}" not found.` },
  );

export async function getRequest(db: Db, id: string, jurisdiction?: string) {
  checkJurisdiction(jurisdiction);
  const rows = await listRequests(db, { codes: [normaliseCode(id)], start: new Date(0), end: new Date(), limit: 1 });
  if (rows.length === 0) throw notFoundRequest(id);
  return rows.map(present);
}

export async function token(db: Db, t: string, jurisdiction?: string) {
  const [r] = await getRequest(db, t, jurisdiction);
  return [{ service_request_id: r.service_request_id, token: normaliseCode(t) }];
}
