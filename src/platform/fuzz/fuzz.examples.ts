// One valid request per operation, on the data fuzz.test.ts seeds: the sweep puts each
// hostile value into it, so the hostile value meets the service and the database, not
// just a validation error about another field. An operation without an example here is
// still fuzzed, from its schema alone (the test lists the operations that never got a
// 2xx, the sign that an example is missing or stale).
export interface Seeded {
  units: { vn: number; hanoi: number; trucBach: number; baDinh: number; hue: number; hueCommune: number };
  programId: number;
  rootTaskId: number;
  centralTaskId: number;
  provinceTaskId: number;
  leafTaskId: number;
  reportTaskId: number;
  reportId: number;
  acceptReportId: number;
  returnReportId: number;
  evidenceSha: string;
  warningId: number;
  inboxId: number;
  tasklistBase64: string;
  // channel: an open consultation (issue 13)
  consultation: { id: number; section: number; unit: number };
}

export interface Example {
  path?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
}

const CSV = [
  'stt,code,name,assigned_total,assigned_civil_servants,assigned_contracts,reserve,present_total,present_civil_servants,present_contracts,plan_total,plan_civil_servants,plan_contracts,change,note',
  '1,01,Thành phố Hà Nội,100,100,0,,90,90,0,,,,,',
].join('\n');

export function examples(s: Seeded): Record<string, Example> {
  const P = '2022-2026',
    C = 'commune_cadre';
  const amendment = { decisionRef: 'QĐ 1/2026', reason: 'Điều chỉnh theo kết luận', effectiveDate: '2026-03-01' };
  return {
    'POST /api/auth/login': { body: { username: 'fuzz-admin', password: 'correct horse battery' } },
    'POST /api/users': {
      body: {
        username: 'can-bo.moi',
        displayName: 'Cán bộ mới',
        email: 'a@example.gov.vn',
        password: 'mat-khau-dai-du',
        grants: [{ role: 'viewer', unitCode: '01' }],
      },
    },
    'POST /api/tokens': { body: { name: 'Máy chủ báo cáo' } },
    'GET /api/units/tree': { query: { asOf: '2025-07-01', parentId: s.units.hanoi } },
    'GET /api/units/search': { query: { q: 'Ba Đình', asOf: '2025-07-01', limit: 5 } },
    'GET /api/units/{id}': { path: { id: s.units.baDinh } },
    'PATCH /api/units/{id}': {
      path: { id: s.units.baDinh },
      body: { adminCentre: 'Số 1 Phan Đình Phùng', population: 65000, areaKm2: 9.25 },
    },
    'GET /api/units/{id}/history': { path: { id: s.units.baDinh } },
    'GET /api/units/{id}/agencies': { path: { id: s.units.hanoi } },
    'GET /api/public/lookup': { query: { q: 'truc bach', limit: 5, asOf: '2025-07-01' } },
    'GET /api/stats/units': { query: { asOf: '2025-07-01' } },
    'GET /api/stats/restructuring': { query: { from: '2025-06-30', to: '2025-07-01' } },
    'GET /api/audit': {
      query: { actor: 'fuzz', action: 'staffing.*', from: '2025-01-01', to: '2026-12-31', page: 1, pageSize: 20 },
    },
    'POST /api/programs/preview': { body: { text: 'I. MỤC TIÊU\n1. Hoàn thiện thể chế trong quý IV/2026.' } },
    'POST /api/programs/import': {
      body: {
        program: {
          code: 'CT-FUZZ',
          titleVi: 'Chương trình thử',
          issuingBody: 'Chính phủ',
          periodStart: '2026-01-01',
          periodEnd: '2030-12-31',
        },
        text: 'I. MỤC TIÊU\n1. Hoàn thiện thể chế trong quý IV/2026.',
        effectiveDate: '2026-01-15',
      },
    },
    'GET /api/programs/{id}': { path: { id: s.programId } },
    'GET /api/programs/{id}/as-of': { path: { id: s.programId }, query: { asOf: '2026-06-30' } },
    'GET /api/programs/{id}/tasks': {
      path: { id: s.programId },
      query: { unitId: s.units.hanoi, limit: 20, offset: 0 },
    },
    'POST /api/programs/{id}/tasks': {
      path: { id: s.programId },
      body: { ...amendment, parentId: s.rootTaskId, kind: 'task', task: { titleVi: 'Nhiệm vụ bổ sung', weight: 2 } },
    },
    'GET /api/tasks/{id}': { path: { id: s.centralTaskId } },
    'PATCH /api/tasks/{id}': {
      path: { id: s.centralTaskId },
      body: { ...amendment, version: 1, changes: { titleVi: 'Số hóa hồ sơ (điều chỉnh)' } },
    },
    'GET /api/tasks/{id}/history': { path: { id: s.centralTaskId } },
    'POST /api/tasks/{id}/cancel': { path: { id: s.leafTaskId }, body: { ...amendment, version: 1 } },
    'POST /api/tasks/{id}/cascade': {
      path: { id: s.provinceTaskId },
      body: { target: { kind: 'units', unitIds: [s.units.baDinh] }, asOf: '2026-02-01' },
    },
    'GET /api/tasks/{id}/reports': { path: { id: s.provinceTaskId } },
    'POST /api/tasks/{id}/reports': {
      path: { id: s.reportTaskId },
      body: { reportDate: '2026-03-15', progress: 50, status: 'in_progress', narrative: 'Đang triển khai' },
    },
    'GET /api/reports/{id}': { path: { id: s.reportId } },
    'PATCH /api/reports/{id}': { path: { id: s.reportId }, body: { version: 1, progress: 45 } },
    'POST /api/reports/{id}/accept': { path: { id: s.acceptReportId }, body: { version: 1 } },
    'POST /api/reports/{id}/return': {
      path: { id: s.returnReportId },
      body: { version: 1, comment: 'Bổ sung số liệu' },
    },
    'GET /api/reports/{id}/evidence/{sha256}': { path: { id: s.reportId, sha256: s.evidenceSha } },
    'GET /api/programs/{id}/warnings': { path: { id: s.programId }, query: { open: 'true', limit: 20 } },
    'POST /api/warnings/{id}/acknowledge': { path: { id: s.warningId }, body: { comment: 'Đã biết' } },
    'POST /api/warnings/{id}/resolve': { path: { id: s.warningId }, body: { comment: 'Đã xử lý' } },
    'GET /api/inbox': { query: { limit: 10 } },
    'POST /api/inbox/{id}/read': { path: { id: s.inboxId } },
    'GET /api/programs/{id}/dashboard': { path: { id: s.programId } },
    'GET /api/programs/{id}/heatmap': { path: { id: s.programId } },
    'GET /api/programs/{id}/risk-map': { path: { id: s.programId } },
    'GET /api/programs/{id}/overdue': { path: { id: s.programId }, query: { asOf: '2027-01-15' } },
    'GET /api/programs/{id}/at-risk': { path: { id: s.programId }, query: { asOf: '2026-11-15' } },
    'GET /api/programs/{id}/my-tasks': { path: { id: s.programId }, query: { unitId: s.units.hanoi } },
    'GET /api/programs/{id}/timeline': { path: { id: s.programId }, query: { from: '2026-01-01', to: '2027-12-31' } },
    'POST /api/programs/{id}/tasklist': {
      path: { id: s.programId },
      body: {
        fileName: 'nhiem-vu.xlsx',
        contentBase64: s.tasklistBase64,
        decisionRef: 'QĐ 2/2026',
        reason: 'Cập nhật danh mục',
        dryRun: true,
      },
    },
    'GET /api/programs/{id}/tasklist.xlsx': { path: { id: s.programId } },
    'POST /api/staffing/periods': {
      body: {
        code: '2031-2035',
        name: 'Thời kỳ 2031–2035',
        startDate: '2031-01-01',
        endDate: '2036-01-01',
        toleranceShare: 0.9,
      },
    },
    'POST /api/staffing/allocations': {
      body: { period: P, category: C, unitId: s.units.baDinh, quota: 40, reserve: 2, decisionRef: 'QĐ 5/2025' },
    },
    'POST /api/staffing/present': {
      body: { period: P, category: C, unitId: s.units.baDinh, asOf: '2025-12-31', present: 38, source: 'Báo cáo quý' },
    },
    'POST /api/staffing/merges': {
      body: { period: P, successorUnitId: s.units.baDinh, category: C, effectiveDate: '2025-07-01' },
    },
    'GET /api/staffing/present-history': { query: { period: P, unitId: s.units.hanoi, category: C } },
    'GET /api/staffing/available': { query: { period: P, unitId: s.units.hanoi } },
    'GET /api/staffing/rollup': { query: { period: P } },
    'GET /api/staffing/norms': { query: { ruleSet: 'decree-33-2023-commune', unitCode: '00004', class: 'I' } },
    'GET /api/staffing/reductions': { query: { period: '2026-2031' } },
    'POST /api/staffing/tables/check': {
      body: {
        fileName: 'bang.csv',
        contentBase64: Buffer.from(CSV).toString('base64'),
        period: P,
        category: C,
        asOf: '2025-12-31',
      },
    },
    'POST /api/staffing/tables/import': {
      body: {
        fileName: 'bang.csv',
        contentBase64: Buffer.from(CSV).toString('base64'),
        period: P,
        category: C,
        asOf: '2025-12-31',
      },
    },
    'GET /api/staffing/export.xlsx': { query: { period: P, unitId: s.units.hanoi, category: C } },
    'POST /api/staffing/targets': {
      body: {
        period: P,
        category: C,
        unitId: s.units.hanoi,
        share: 5,
        baselineDate: '2022-06-30',
        basis: 'Kết luận 40-KL/TW',
      },
    },
    'GET /api/staffing/targets': { query: { period: P } },
    'POST /api/staffing/targets/from-rule-set': { body: { period: '2026-2031', basis: 'Nghị quyết 18-NQ/TW' } },
    'GET /api/staffing/blocks': { query: { period: P } },
    'GET /api/staffing/trend': { query: { unitId: s.units.hanoi, category: C } },
    ...channelExamples(s),
  };
}

// channel: consultations and the satisfaction index (issue 13)
function channelExamples(s: Seeded): Record<string, Example> {
  const id = s.consultation.id;
  return {
    'POST /api/consultations': {
      body: {
        title: 'Dự thảo',
        kind: 'plan',
        summary: '',
        unitId: s.units.hanoi,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        sections: [{ heading: 'Phần 1', body: '' }],
      },
    },
    'GET /api/consultations/{id}': { path: { id } },
    'GET /api/consultations/{id}/results': { path: { id } },
    'GET /api/consultations/{id}/report.docx': { path: { id } },
    'POST /api/consultations/{id}/participations': {
      path: { id },
      body: {
        email: 'fuzz@example.vn',
        residenceCode: '00004',
        overall: 'agree',
        votes: [{ sectionId: s.consultation.section, choice: 'agree' }],
        comments: [{ sectionId: s.consultation.section, text: 'Góp ý' }],
      },
    },
    'POST /api/consultations/{id}/groups/{groupId}/answer': { path: { id, groupId: 1 }, body: { answer: 'Tiếp thu' } },
    'POST /api/satisfaction/surveys': { body: { unitCode: '00004', answers: { '1.1': 4, '2.3': 5 } } },
    'GET /api/satisfaction/index': { query: { unit: '01', period: '2026' } },
  };
}
