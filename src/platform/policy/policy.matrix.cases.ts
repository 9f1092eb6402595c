// One case per API operation for the access-policy matrix: the request made "in scope" (a resource on the
// Hà Nội side) and "out of scope" (on the Huế side), and the facts about the resource the rule is about
// (its unit, the unit that assigned it, the level that reviews it, who wrote it, whose it is). The oracle in
// policy.matrix.test.ts decides from these facts and the rule alone what each user must get.
import type { World } from './policy.matrix.fixture.ts';
import { PERIOD } from './policy.matrix.fixture.ts';
import { FEEDBACK_CASES } from '../../channel/feedback/feedback.matrix.cases.ts';
import { QUESTIONS_CASES } from '../../channel/questions/questions.matrix.cases.ts';

export type Side = 'in' | 'out';
export interface Facts {
  /** The unit the rule's "on" is about: the resource's unit (unit, assignee), the assigning unit, the reviewing unit, the giving unit. */
  unit?: number;
  /** The report's author: nobody reviews their own work. */
  author?: string;
  /** Whose the resource is (on: self). */
  owner?: string;
}
/** A file upload (multipart/form-data): the form's fields and the file in the part "file". */
export interface Upload {
  fields: Record<string, string | boolean>;
  file: { name: string; content: Buffer };
}
export interface Request {
  method: string;
  url: string;
  payload?: unknown;
  upload?: Upload;
  facts?: Facts;
  fresh?: boolean;
}
export type Case = (w: World, side: Side, user: string) => Request;

let serial = 0;
const unique = () => `${Date.now().toString(36)}${++serial}`;
const amend = { decisionRef: 'QĐ 1/2026', reason: 'Kiểm tra quyền', effectiveDate: '2026-05-01' };

export const CASES: Record<string, Case> = {
  // Accounts
  'POST /api/auth/login': () => ({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'loginonly', password: 'correct horse battery' },
  }),
  'POST /api/auth/logout': () => ({ method: 'POST', url: '/api/auth/logout', fresh: true }),
  'GET /api/auth/me': () => ({ method: 'GET', url: '/api/auth/me' }),
  'GET /api/users': () => ({ method: 'GET', url: '/api/users' }),
  'POST /api/users': () => ({
    method: 'POST',
    url: '/api/users',
    payload: {
      username: `u${unique()}`,
      displayName: 'Người thử',
      password: 'a long enough password',
      grants: [{ role: 'viewer', unitCode: '01' }],
    },
  }),
  'POST /api/tokens': () => ({ method: 'POST', url: '/api/tokens', payload: { name: `t${unique()}` } }),
  'GET /api/tokens': () => ({ method: 'GET', url: '/api/tokens' }),
  // One's own token; out of scope, Huế's officer's, which only a system administrator may revoke.
  'POST /api/tokens/:id/revoke': (w, s, user) =>
    s === 'in' && w.tokens[user]
      ? { method: 'POST', url: `/api/tokens/${w.tokens[user]}/revoke`, facts: { owner: user } }
      : {
          method: 'POST',
          url: `/api/tokens/${w.tokens.phongdien}/revoke`,
          facts: user === 'admin' ? {} : { owner: 'phongdien' },
        },
  // User administration changes nothing the other cases need: a missing user (404 for an admin), a no-op, a repeatable grant.
  'POST /api/users/:id/deactivate': () => ({ method: 'POST', url: '/api/users/999999/deactivate' }),
  'POST /api/users/:id/reactivate': (w) => ({ method: 'POST', url: `/api/users/${w.userIds.loginonly}/reactivate` }),
  'POST /api/users/:id/grants': (w) => ({
    method: 'POST',
    url: `/api/users/${w.userIds.loginonly}/grants`,
    payload: { role: 'viewer', unitCode: '01' },
  }),
  'DELETE /api/users/:id/grants/:grantId': (w) => ({
    method: 'DELETE',
    url: `/api/users/${w.userIds.loginonly}/grants/999999`,
  }),
  'POST /api/users/:id/password': () => ({
    method: 'POST',
    url: '/api/users/999999/password',
    payload: { password: 'a long enough password' },
  }),
  'GET /api/audit': () => ({ method: 'GET', url: '/api/audit' }),
  'GET /api/openapi.json': () => ({ method: 'GET', url: '/api/openapi.json' }),
  'GET /api/docs': () => ({ method: 'GET', url: '/api/docs' }),

  // Units
  'GET /api/units/tree': () => ({ method: 'GET', url: '/api/units/tree' }),
  'GET /api/units/search': () => ({ method: 'GET', url: '/api/units/search?q=ba%20dinh' }),
  'GET /api/units/check': () => ({ method: 'GET', url: '/api/units/check' }),
  'GET /api/units/:id': (w, s) => ({
    method: 'GET',
    url: `/api/units/${s === 'in' ? w.units.baDinh : w.units.hueCommune}`,
  }),
  'PATCH /api/units/:id': (w, s) => {
    const u = s === 'in' ? w.units.baDinh : w.units.hueCommune;
    return { method: 'PATCH', url: `/api/units/${u}`, payload: { adminCentre: 'Số 1 phố Thử' }, facts: { unit: u } };
  },
  'GET /api/units/:id/history': (w, s) => ({
    method: 'GET',
    url: `/api/units/${s === 'in' ? w.units.baDinh : w.units.hueCommune}/history`,
  }),
  'GET /api/units/:id/agencies': (w, s) => ({
    method: 'GET',
    url: `/api/units/${s === 'in' ? w.units.baDinh : w.units.hueCommune}/agencies`,
  }),
  'GET /api/public/lookup': () => ({ method: 'GET', url: '/api/public/lookup?q=truc%20bach' }),
  'GET /api/stats/units': () => ({ method: 'GET', url: '/api/stats/units' }),
  'GET /api/stats/restructuring': () => ({
    method: 'GET',
    url: '/api/stats/restructuring?from=2025-06-30&to=2025-07-01',
  }),
  'GET /api/geo/provinces': () => ({ method: 'GET', url: '/api/geo/provinces' }),

  // Program: headers and imports
  'GET /api/programs': () => ({ method: 'GET', url: '/api/programs' }),
  'GET /api/programs/:id': (w) => ({ method: 'GET', url: `/api/programs/${w.program}` }),
  'POST /api/programs/preview': () => ({
    method: 'POST',
    url: '/api/programs/preview',
    payload: { text: 'I. NHIỆM VỤ\n1. Rà soát quy định, quý IV/2026' },
  }),
  'POST /api/programs/import': () => ({
    method: 'POST',
    url: '/api/programs/import',
    payload: {
      program: {
        code: `P-${unique()}`,
        titleVi: 'Chương trình thử',
        issuingBody: 'Chính phủ',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
      },
      text: 'I. NHIỆM VỤ\n1. Rà soát quy định, quý IV/2026',
      effectiveDate: '2026-01-15',
    },
  }),
  'GET /api/programs/:id/as-of': (w) => ({ method: 'GET', url: `/api/programs/${w.program}/as-of?asOf=2026-06-01` }),
  'GET /api/programs/:id/tasks': (w, s) => {
    const u = s === 'in' ? w.units.baDinh : w.units.hueCommune;
    return { method: 'GET', url: `/api/programs/${w.program}/tasks?unitId=${u}`, facts: { unit: u } };
  },
  // A task of the program is added by its owner, the country.
  'POST /api/programs/:id/tasks': (w, s) => ({
    method: 'POST',
    url: `/api/programs/${w.program}/tasks`,
    payload: {
      ...amend,
      parentId: s === 'in' ? w.tasks.baDinhTask : w.tasks.phongDienTask,
      task: { titleVi: 'Việc thêm' },
    },
    facts: { unit: w.units.vn },
  }),
  'PATCH /api/programs/:id/settings': (w) => ({
    method: 'PATCH',
    url: `/api/programs/${w.program}/settings`,
    payload: { reviewDays: 5 },
    facts: { unit: w.units.vn },
  }),
  'POST /api/programs/:id/tasklist': (w) => ({
    method: 'POST',
    url: `/api/programs/${w.program}/tasklist`,
    upload: {
      fields: { decisionRef: 'QĐ 2', reason: 'thử', dryRun: true },
      file: { name: 'nhiem-vu.xlsx', content: Buffer.from(w.tasklist, 'base64') },
    },
    facts: { unit: w.units.vn },
  }),
  'POST /api/program/annual-reports': (w) => ({
    method: 'POST',
    url: '/api/program/annual-reports',
    payload: { year: 2026, program: w.programCode, format: 'xlsx' },
  }),
  // One's own job; out of scope, Huế's officer's, which only a system administrator may read.
  'GET /api/jobs/:id': (w, s, user) =>
    s === 'in' && w.jobs[user]
      ? { method: 'GET', url: `/api/jobs/${w.jobs[user]}`, facts: { owner: user } }
      : { method: 'GET', url: `/api/jobs/${w.jobs.phongdien}`, facts: user === 'admin' ? {} : { owner: 'phongdien' } },
  'GET /api/jobs/:id/result': (w, s, user) =>
    s === 'in' && w.jobs[user]
      ? { method: 'GET', url: `/api/jobs/${w.jobs[user]}/result`, facts: { owner: user } }
      : {
          method: 'GET',
          url: `/api/jobs/${w.jobs.phongdien}/result`,
          facts: user === 'admin' ? {} : { owner: 'phongdien' },
        },
  'GET /api/programs/:id/tasklist.xlsx': (w) => ({
    method: 'GET',
    url: `/api/programs/${w.program}/tasklist.xlsx`,
    facts: { unit: w.units.vn },
  }),

  // Program: tasks
  'GET /api/tasks/:id': (w, s) => taskRead(w, s, ''),
  'GET /api/tasks/:id/history': (w, s) => taskRead(w, s, '/history'),
  'GET /api/tasks/:id/reports': (w, s) => taskRead(w, s, '/reports'),
  'PATCH /api/tasks/:id': (w, s) => ({
    method: 'PATCH',
    url: `/api/tasks/${commune(w, s)}`,
    payload: { ...amend, version: 1, changes: { tags: ['thử'] } },
    facts: { unit: province(w, s) },
  }),
  'POST /api/tasks/:id/cancel': (w, s) => ({
    method: 'POST',
    url: `/api/tasks/${commune(w, s)}/cancel`,
    payload: { ...amend, version: 99 },
    facts: { unit: province(w, s) },
  }),
  'POST /api/tasks/:id/cascade': (w, s) => ({
    method: 'POST',
    url: `/api/tasks/${s === 'in' ? w.tasks.hanoiTask : w.tasks.hueTask}/cascade`,
    payload: { target: { kind: 'units', unitIds: [s === 'in' ? w.units.baDinh : w.units.hueCommune] } },
    facts: { unit: province(w, s) },
  }),
  'POST /api/tasks/:id/reports': (w, s) => ({
    method: 'POST',
    url: `/api/tasks/${commune(w, s)}/reports`,
    payload: { progress: 50, status: 'in_progress' },
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),

  // Program: reports and warnings
  'GET /api/reports/:id': (w, s) => ({
    method: 'GET',
    url: `/api/reports/${w.reports[s].id}`,
    facts: { unit: communeUnit(w, s) },
  }),
  'PATCH /api/reports/:id': (w, s) => ({
    method: 'PATCH',
    url: `/api/reports/${w.reports[s].id}`,
    payload: { version: 99, progress: 45 },
    facts: { unit: communeUnit(w, s), owner: s === 'in' ? 'badinh' : 'phongdien' },
  }),
  'POST /api/reports/:id/accept': (w, s) => ({
    method: 'POST',
    url: `/api/reports/${w.reports[s].id}/accept`,
    payload: { version: 99 },
    facts: { unit: province(w, s), author: s === 'in' ? 'badinh' : 'phongdien' },
  }),
  'POST /api/reports/:id/return': (w, s) => ({
    method: 'POST',
    url: `/api/reports/${w.reports[s].id}/return`,
    payload: { version: 99, comment: 'Bổ sung' },
    facts: { unit: province(w, s), author: s === 'in' ? 'badinh' : 'phongdien' },
  }),
  'GET /api/reports/:id/versions': (w, s) => ({
    method: 'GET',
    url: `/api/reports/${w.reports[s].id}/versions`,
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/reviews': () => ({ method: 'GET', url: '/api/reviews' }),
  'GET /api/reviews/count': () => ({ method: 'GET', url: '/api/reviews/count' }),
  // Several reports at once: each is judged by the rules of a single acceptance, with a result per report.
  'POST /api/reviews/accept': (w, s) => ({
    method: 'POST',
    url: '/api/reviews/accept',
    payload: { items: [{ id: w.reports[s].id, version: 99 }] },
  }),
  'GET /api/tasks/:id/change-requests': (w, s) => taskRead(w, s, '/change-requests'),
  'POST /api/tasks/:id/change-requests': (w, s) => ({
    method: 'POST',
    url: `/api/tasks/${commune(w, s)}/change-requests`,
    payload: { kind: 'other', reason: 'Thử quyền' },
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/change-requests': () => ({ method: 'GET', url: '/api/change-requests' }),
  'POST /api/change-requests/:id/approve': (w, s) => ({
    method: 'POST',
    url: `/api/change-requests/${w.requests[s]}/approve`,
    payload: { version: 99, decisionRef: 'QĐ 3' },
    facts: { unit: province(w, s), author: s === 'in' ? 'badinh' : 'phongdien' },
  }),
  'POST /api/change-requests/:id/refuse': (w, s) => ({
    method: 'POST',
    url: `/api/change-requests/${w.requests[s]}/refuse`,
    payload: { version: 99, comment: 'Không' },
    facts: { unit: province(w, s), author: s === 'in' ? 'badinh' : 'phongdien' },
  }),
  'POST /api/change-requests/:id/withdraw': (w, s) => ({
    method: 'POST',
    url: `/api/change-requests/${w.requests[s]}/withdraw`,
    payload: { version: 99 },
    facts: { owner: s === 'in' ? 'badinh' : 'phongdien' },
  }),
  'GET /api/reports/:id/evidence/:sha256': (w, s) => ({
    method: 'GET',
    url: `/api/reports/${w.reports[s].id}/evidence/${w.reports[s].sha}`,
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/programs/:id/warnings': (w, s) => programList(w, s, 'warnings'),
  'POST /api/warnings/:id/acknowledge': (w, s) => ({
    method: 'POST',
    url: `/api/warnings/${w.warnings[s]}/acknowledge`,
    payload: {},
    facts: { unit: communeUnit(w, s) },
  }),
  'POST /api/warnings/:id/resolve': (w, s) => ({
    method: 'POST',
    url: `/api/warnings/${w.warnings[s]}/resolve`,
    payload: {},
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/inbox': () => ({ method: 'GET', url: '/api/inbox' }),
  'POST /api/inbox/:id/read': (w, s, user) => {
    const owner = s === 'in' && w.notes[user] ? user : 'phongdien';
    return { method: 'POST', url: `/api/inbox/${w.notes[owner]}/read`, facts: { owner } };
  },

  // Program: dashboards
  'GET /api/programs/:id/dashboard': (w, s) => programList(w, s, 'dashboard'),
  'GET /api/programs/:id/heatmap': (w) => ({ method: 'GET', url: `/api/programs/${w.program}/heatmap` }),
  'GET /api/programs/:id/risk-map': (w) => ({ method: 'GET', url: `/api/programs/${w.program}/risk-map` }),
  'GET /api/programs/:id/overdue': (w, s) => programList(w, s, 'overdue'),
  'GET /api/programs/:id/at-risk': (w, s) => programList(w, s, 'at-risk'),
  'GET /api/programs/:id/my-tasks': (w) => ({ method: 'GET', url: `/api/programs/${w.program}/my-tasks` }),
  'GET /api/programs/:id/timeline': (w, s) => programList(w, s, 'timeline'),
  'GET /api/programs/events': () => ({ method: 'GET', url: '/api/programs/events' }),

  // Staffing
  'GET /api/staffing/periods': () => ({ method: 'GET', url: '/api/staffing/periods' }),
  'POST /api/staffing/periods': () => ({
    method: 'POST',
    url: '/api/staffing/periods',
    payload: {
      code: `${2030 + (serial++ % 60)}-${2100}`,
      name: 'Thời kỳ thử',
      startDate: '2031-01-01',
      endDate: '2035-12-31',
    },
  }),
  'GET /api/staffing/categories': () => ({ method: 'GET', url: '/api/staffing/categories' }),
  'GET /api/staffing/rule-sets': () => ({ method: 'GET', url: '/api/staffing/rule-sets' }),
  'POST /api/staffing/allocations': (w, s) => ({
    method: 'POST',
    url: '/api/staffing/allocations',
    payload: { period: PERIOD, category: 'commune_cadre', unitId: communeUnit(w, s), quota: 100 },
    facts: { unit: province(w, s) },
  }),
  'POST /api/staffing/present': (w, s) => ({
    method: 'POST',
    url: '/api/staffing/present',
    payload: { period: PERIOD, category: 'commune_cadre', unitId: communeUnit(w, s), asOf: '2026-01-31', present: 90 },
    facts: { unit: communeUnit(w, s) },
  }),
  'POST /api/staffing/merges': (w, s) => ({
    method: 'POST',
    url: '/api/staffing/merges',
    payload: { period: PERIOD, successorUnitId: communeUnit(w, s), category: 'commune_cadre' },
    facts: { unit: province(w, s) },
  }),
  'GET /api/staffing/present-history': (w, s) => staffingRead(w, s, 'present-history', '&category=commune_cadre'),
  'GET /api/staffing/available': (w, s) => staffingRead(w, s, 'available', ''),
  'GET /api/staffing/rollup': (w, s) => staffingRead(w, s, 'rollup', ''),
  'GET /api/staffing/norms': (w, s) => ({
    method: 'GET',
    url: `/api/staffing/norms?ruleSet=two-tier-2025-commune&unitCode=${s === 'in' ? '00004' : '19900'}&class=I`,
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/staffing/reductions': () => ({ method: 'GET', url: '/api/staffing/reductions' }),
  'POST /api/staffing/tables/check': (w, s) => ({
    method: 'POST',
    url: '/api/staffing/tables/check',
    upload: {
      fields: { period: PERIOD, category: 'commune_cadre' },
      file: { name: 'bang.xlsx', content: Buffer.from(w.tables[s], 'base64') },
    },
  }),
  'POST /api/staffing/tables/import': (w, s) => ({
    method: 'POST',
    url: '/api/staffing/tables/import',
    upload: {
      fields: { period: PERIOD, category: 'commune_cadre', asOf: '2025-12-31' },
      file: { name: 'bang.xlsx', content: Buffer.from(w.tables[s], 'base64') },
    },
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/staffing/export.xlsx': (w, s) => staffingRead(w, s, 'export.xlsx', '&category=commune_cadre'),
  'POST /api/staffing/targets': (w, s) => ({
    method: 'POST',
    url: '/api/staffing/targets',
    payload: {
      period: PERIOD,
      category: 'commune_cadre',
      unitId: communeUnit(w, s),
      targetHeadcount: 85,
      basis: 'QĐ thử',
    },
    facts: { unit: province(w, s) },
  }),
  'POST /api/staffing/targets/from-rule-set': (w) => ({
    method: 'POST',
    url: '/api/staffing/targets/from-rule-set',
    payload: { period: PERIOD, ruleSet: 'reduction-2026-2031' },
    facts: { unit: w.units.vn },
  }),
  'GET /api/staffing/targets': (w, s) => staffingRead(w, s, 'targets', ''),
  'GET /api/staffing/blocks': () => ({ method: 'GET', url: `/api/staffing/blocks?period=${PERIOD}` }),
  'GET /api/staffing/trend': (w, s) => ({
    method: 'GET',
    url: `/api/staffing/trend?unitId=${communeUnit(w, s)}`,
    facts: { unit: communeUnit(w, s) },
  }),
  ...CHANNEL_CASES(),

  // People (issue 12): personal data for HR over the person's unit; counts and amounts for everyone in scope
  'GET /api/people': (w, s) => ({
    method: 'GET',
    url: `/api/people?unitId=${communeUnit(w, s)}`,
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/people/export.xlsx': (w, s) => ({
    method: 'GET',
    url: `/api/people/export.xlsx?unitId=${communeUnit(w, s)}`,
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/people/:id': (w, s) => ({
    method: 'GET',
    url: `/api/people/${w.people[s]}`,
    facts: { unit: communeUnit(w, s) },
  }),
  'POST /api/people/import': (w, s) => ({
    method: 'POST',
    url: '/api/people/import',
    upload: {
      fields: { unitId: String(communeUnit(w, s)) },
      file: { name: 'danh-sach.xlsx', content: Buffer.from(w.register, 'base64') },
    },
    facts: { unit: communeUnit(w, s) },
  }),
  'POST /api/people/:id/outcome': (w, s) => ({
    method: 'POST',
    url: `/api/people/${w.people[s]}/outcome`,
    payload: {
      kind: 'until_retirement',
      decisionNumber: '1/QĐ-SNV',
      decisionDate: '2025-07-10',
      decisionSigner: 'Giám đốc Sở Nội vụ',
    },
    facts: { unit: communeUnit(w, s) },
  }),
  // People: the calculation sheet (404 problem when no leaving outcome is stored: the rule is checked first)
  'GET /api/people/:id/benefit': (w, s) => ({
    method: 'GET',
    url: `/api/people/${w.people[s]}/benefit`,
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/people/:id/benefit.docx': (w, s) => ({
    method: 'GET',
    url: `/api/people/${w.people[s]}/benefit.docx`,
    facts: { unit: communeUnit(w, s) },
  }),
  // Indicators (issue 14)
  'GET /api/indicators': () => ({ method: 'GET', url: '/api/indicators' }),
  'GET /api/indicators/rebuild': (w, s) => ({
    method: 'GET',
    url: `/api/indicators/rebuild?indicator=GRDP&unitId=${communeUnit(w, s)}&period=2024&asOf=2026-01-01`,
    facts: { unit: communeUnit(w, s) },
  }),
  'GET /api/indicators/:code/status': () => ({
    method: 'GET',
    url: '/api/indicators/GDP_GROWTH/status?asOf=2026-06-01',
  }),
  'POST /api/indicators/values': (w, s) => ({
    method: 'POST',
    url: '/api/indicators/values',
    payload: {
      indicator: 'GRDP',
      unit: s === 'in' ? 'new:c:00004' : 'new:c:19900',
      period: '2026',
      value: '5',
      status: 'provisional',
      source: 'kiểm tra quyền',
      known_from: '2026-04-01',
    },
    facts: { unit: communeUnit(w, s) },
  }),
  // A commune's own figure: accepted by the level above (the province), never by its author.
  'POST /api/indicators/values/:id/accept': (w, s) => ({
    method: 'POST',
    url: `/api/indicators/values/${w.indicatorValues[s]}/accept`,
    facts: { unit: province(w, s), author: s === 'in' ? 'badinh' : 'phongdien' },
  }),
  // Handovers (issue 11): in scope Trúc Bạch's (to Ba Đình, Hà Nội), out of scope an old Huế commune's (to Phong Điền).
  // The "unit" is the side the rule is about: the ended unit (edit), the line's receiver (count), a receiver (read,
  // minutes), the overseeing province (close). Hà Nội's officer submitted the in-scope one: not theirs to count.
  'POST /api/handovers/open': () => ({ method: 'POST', url: '/api/handovers/open', payload: { asOf: '2025-07-01' } }),
  'GET /api/handovers': () => ({ method: 'GET', url: '/api/handovers' }),
  'GET /api/handovers/status': () => ({ method: 'GET', url: '/api/handovers/status' }),
  'GET /api/handovers/:id': (w, s) => ({
    method: 'GET',
    url: `/api/handovers/${w.handovers[s].id}`,
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),
  'POST /api/handovers/:id/lines': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/lines`,
    payload: { kind: 'seal', title: 'Dấu', sealKind: 'seal', identifier: 'X', state: 'in_use' },
    facts: { unit: s === 'in' ? w.units.trucBach : w.handovers.hueOld },
  }),
  'DELETE /api/handovers/:id/lines/:lineId': (w, s) => ({
    method: 'DELETE',
    url: `/api/handovers/${w.handovers[s].id}/lines/${w.handovers[s].line}`,
    facts: { unit: s === 'in' ? w.units.trucBach : w.handovers.hueOld },
  }),
  'POST /api/handovers/:id/submit': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/submit`,
    facts: { unit: s === 'in' ? w.units.trucBach : w.handovers.hueOld },
  }),
  'POST /api/handovers/:id/lines/:lineId/count': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/lines/${w.handovers[s].line}/count`,
    payload: { state: 'received' },
    facts: s === 'in' ? { unit: w.units.baDinh, author: 'hanoi' } : { unit: w.units.hueCommune },
  }),
  'POST /api/handovers/:id/minutes': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/minutes`,
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),
  'GET /api/handovers/:id/minutes/:version': (w, s) => ({
    method: 'GET',
    url: `/api/handovers/${w.handovers[s].id}/minutes/1`,
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),
  'POST /api/handovers/:id/sign': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/sign`,
    payload: { side: 'to', documentSha256: 'f'.repeat(64) },
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),
  'POST /api/handovers/:id/close': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/close`,
    facts: { unit: s === 'in' ? w.units.hanoi : w.units.hue },
  }),
  'POST /api/handovers/:id/correct': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/correct`,
    payload: { reason: 'Kiểm tra quyền' },
    facts: { unit: s === 'in' ? w.units.trucBach : w.handovers.hueOld },
  }),
  'GET /api/handover-minutes/:sha256': () => ({ method: 'GET', url: `/api/handover-minutes/${'a'.repeat(64)}` }),
  // handover sheets and dashboard (issue 11, items 5 and 6): the import is adding lines (the ended unit's side); the
  // export reads the handover; a province's dashboard needs a grant over the province (Hà Nội in, Huế out).
  'POST /api/handovers/:id/lines/import': (w, s) => ({
    method: 'POST',
    url: `/api/handovers/${w.handovers[s].id}/lines/import`,
    upload: { fields: { dryRun: 'true' }, file: { name: 'danh-muc.csv', content: Buffer.from('STT\n') } },
    facts: { unit: s === 'in' ? w.units.trucBach : w.handovers.hueOld },
  }),
  'GET /api/handovers/:id/lines.xlsx': (w, s) => ({
    method: 'GET',
    url: `/api/handovers/${w.handovers[s].id}/lines.xlsx`,
    facts: { unit: s === 'in' ? w.units.baDinh : w.units.hueCommune },
  }),
  'GET /api/handovers/dashboard': (w, s) => ({
    method: 'GET',
    url: `/api/handovers/dashboard?province=${s === 'in' ? '01' : '46'}`,
    facts: { unit: s === 'in' ? w.units.hanoi : w.units.hue },
  }),
  ...FEEDBACK_CASES,
  ...QUESTIONS_CASES,
};

// channel: consultations and the satisfaction index (issue 13). Reading and taking part are public; the drafting
// body's work is on the consultation's unit (Hà Nội's in scope, Huế's out). Bogus comment and group ids: an
// allowed caller gets 400/404 after the scope check, a refused one 403 before it.
function CHANNEL_CASES(): Record<string, Case> {
  const c = (w: World, s: Side) => w.consultations[s];
  return {
    'GET /api/consultations': () => ({ method: 'GET', url: '/api/consultations' }),
    'POST /api/consultations': (w, s) => ({
      method: 'POST',
      url: '/api/consultations',
      payload: {
        title: 'Dự thảo kiểm tra quyền',
        kind: 'regulation',
        unitId: c(w, s).unit,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        sections: [{ heading: 'Điều 1' }],
      },
      facts: { unit: c(w, s).unit },
    }),
    'GET /api/consultations/:id': (w, s) => ({ method: 'GET', url: `/api/consultations/${c(w, s).id}` }),
    'GET /api/consultations/:id/results': (w, s) => ({
      method: 'GET',
      url: `/api/consultations/${c(w, s).id}/results`,
    }),
    'GET /api/consultations/:id/report.docx': (w, s) => ({
      method: 'GET',
      url: `/api/consultations/${c(w, s).id}/report.docx`,
    }),
    'POST /api/consultations/:id/participations': (w, s, user) => ({
      method: 'POST',
      url: `/api/consultations/${c(w, s).id}/participations`,
      payload: { email: `${user}.${unique()}@example.vn`, residenceCode: '00004', overall: 'agree' },
    }),
    'POST /api/consultations/confirm': () => ({
      method: 'POST',
      url: '/api/consultations/confirm',
      payload: { code: 'not-a-code-that-was-sent-0000' },
    }),
    'POST /api/consultations/:id/groups': (w, s) => ({
      method: 'POST',
      url: `/api/consultations/${c(w, s).id}/groups`,
      payload: { title: 'Nhóm', commentIds: [999_999] },
      facts: { unit: c(w, s).unit },
    }),
    'POST /api/consultations/:id/groups/:groupId/answer': (w, s) => ({
      method: 'POST',
      url: `/api/consultations/${c(w, s).id}/groups/999999/answer`,
      payload: { answer: 'Tiếp thu' },
      facts: { unit: c(w, s).unit },
    }),
    'GET /api/satisfaction/questions': () => ({ method: 'GET', url: '/api/satisfaction/questions' }),
    'POST /api/satisfaction/surveys': (w, s) => ({
      method: 'POST',
      url: '/api/satisfaction/surveys',
      payload: { unitCode: s === 'in' ? '00004' : '19900', answers: { '1.1': 4, '3.2': 5 } },
    }),
    'GET /api/satisfaction/index': (w, s) => ({
      method: 'GET',
      url: `/api/satisfaction/index?unit=${s === 'in' ? '01' : '46'}`,
    }),
  };
}

const commune = (w: World, s: Side) => (s === 'in' ? w.tasks.baDinhTask : w.tasks.phongDienTask);
const communeUnit = (w: World, s: Side) => (s === 'in' ? w.units.baDinh : w.units.hueCommune);
const province = (w: World, s: Side) => (s === 'in' ? w.units.hanoi : w.units.hue);
const taskRead = (w: World, s: Side, tail: string): Request => ({
  method: 'GET',
  url: `/api/tasks/${commune(w, s)}${tail}`,
  facts: { unit: communeUnit(w, s) },
});
const programList = (w: World, s: Side, what: string): Request => ({
  method: 'GET',
  url: `/api/programs/${w.program}/${what}?unitId=${communeUnit(w, s)}`,
  facts: { unit: communeUnit(w, s) },
});
const staffingRead = (w: World, s: Side, what: string, more: string): Request => ({
  method: 'GET',
  url: `/api/staffing/${what}?period=${PERIOD}&unitId=${communeUnit(w, s)}${more}`,
  facts: { unit: communeUnit(w, s) },
});
