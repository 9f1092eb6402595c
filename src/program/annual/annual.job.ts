// The annual implementation report as a background job: read the official figures, write the Word or Excel
// file, keep it for download. Asked for through the API (202 + job) or the CLI (--wait); the job runs with
// the requester's rights, read again when it runs.
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import type { JobKind, Jobs } from '../../platform/jobs/jobs.service.ts';
import { PROGRAM } from '../program.policy.ts';
import { annualReportData } from './annual.service.ts';
import { annualReportDocx } from './annual.docx.ts';
import { annualReportXlsx } from './annual.xlsx.ts';
import { findProgramByCode } from '../tasks/tasks.versions.store.ts';

export const ANNUAL_REPORT_JOB = 'program.annual-report';

export const AnnualReportRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  program: z.string().min(1).max(50),
  format: z.enum(['docx', 'xlsx']),
});
export type AnnualReportRequest = z.infer<typeof AnnualReportRequest>;

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const annualReportJob: JobKind<AnnualReportRequest> = {
  kind: ANNUAL_REPORT_JOB,
  params: AnnualReportRequest,
  auditAction: 'program.annual_report.request',
  queuedPhrase: { vi: 'Đang chờ xử lý', en: 'Waiting to run' },
  async run({ db, ctx, params, progress }) {
    await progress(0, 3, { vi: 'Đọc số liệu chính thức', en: 'Reading the official figures' });
    const data = await annualReportData(db, ctx, { year: params.year, programCode: params.program });
    await progress(1, 3, {
      vi: params.format === 'docx' ? 'Tạo tệp Word' : 'Tạo tệp Excel',
      en: params.format === 'docx' ? 'Writing the Word file' : 'Writing the Excel file',
    });
    const bytes = params.format === 'docx' ? await annualReportDocx(data) : await annualReportXlsx(data);
    await progress(2, 3, { vi: 'Lưu tệp kết quả', en: 'Storing the result file' });
    return {
      file: {
        name: `bao-cao-nam-${params.year}-${data.program.code}.${params.format}`.replace(/[^\w.-]+/g, '-'),
        type: TYPES[params.format],
        bytes,
      },
      summary: {
        program: data.program.code,
        year: data.year,
        asOf: data.asOf,
        tasks: data.national.total,
        bytes: bytes.length,
      },
      phrase: {
        vi: `Hoàn thành: ${data.national.total.toLocaleString('vi-VN')} nhiệm vụ, số liệu ngày ${data.asOf.split('-').reverse().join('/')}`,
        en: `Done: ${data.national.total} tasks, figures as of ${data.asOf}`,
      },
    };
  },
};

/** Checks the rule and the program now (a refusal is an answer, not a failed job), then queues the report. */
export async function requestAnnualReport(db: Db, jobs: Jobs, ctx: RequestContext, req: AnnualReportRequest) {
  checkRole(ctx, PROGRAM['program.annual']);
  const program = await findProgramByCode(db, req.program);
  if (!program) throw notFound({ vi: `chương trình mã ${req.program}`, en: `Program ${req.program}` });
  return jobs.enqueue(ctx, ANNUAL_REPORT_JOB, req, { unitId: null, entity: 'program', entityId: program.id });
}
