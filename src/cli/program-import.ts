// Saving `apparatus program import FILE` (without --dry-run): the document is
// parsed and written as a new program in one audited transaction.
import { readFile } from 'node:fs/promises';
import { badRequest, todayIso } from '../platform/errors.ts';
import { parseDeadline } from '../program/parse/deadline.ts';
import { ProgramMeta } from '../program/program.schemas.ts';
import { importDocument } from '../program/tasks/tasks.service.ts';
import { ensureReferenceData } from '../units/import/import.service.ts';
import { VN_DATA_DIR } from './demo.ts';
import { printJson } from './output.ts';
import { cliContext, withDb } from './run.ts';
import type { ImportOptions } from './program-parse.commands.ts';

export async function saveProgramDocument(o: ImportOptions): Promise<void> {
  if (o.file.toLowerCase().endsWith('.xlsx')) {
    throw badRequest({
      vi: 'Chưa hỗ trợ lưu danh sách nhiệm vụ Excel; hãy dùng --dry-run để kiểm tra tệp.',
      en: 'Saving an Excel task list is not supported yet; use --dry-run to check the file.',
    });
  }
  const { code, title, issuingBody, period } = o.meta;
  if (!code || !title || !issuingBody || !period) {
    throw badRequest({
      vi: 'Để lưu cần --code, --title, --issuing-body và --period (ví dụ "2026-2030").',
      en: 'Saving needs --code, --title, --issuing-body and --period (e.g. "2026-2030").',
    });
  }
  const span = parseDeadline(period);
  const parsedMeta = ProgramMeta.safeParse({
    code,
    titleVi: title,
    titleEn: o.meta.titleEn,
    resolutionRef: o.meta.resolution,
    issuingBody,
    periodStart: span.start,
    periodEnd: span.end,
  });
  if (!parsedMeta.success) {
    const list = parsedMeta.error.issues.map((i) => `${i.path.join('.') || 'program'}: ${i.message}`).join('; ');
    throw badRequest({
      vi: `Thông tin chương trình chưa hợp lệ: ${list}`,
      en: `Program details are not valid: ${list}`,
    });
  }
  const text = await readFile(o.file, 'utf8');
  await withDb(o.json, async ({ db }) => {
    await ensureReferenceData(db, VN_DATA_DIR);
    const r = await importDocument(db, cliContext(), parsedMeta.data, text, {
      language: o.lang === 'auto' ? undefined : o.lang,
      effectiveDate: o.meta.effectiveDate ?? todayIso(),
      decisionRef: o.meta.decision,
    });
    if (o.json) return printJson(r);
    console.log(
      `Đã lưu chương trình / saved program ${parsedMeta.data.code}: ${JSON.stringify(r.parsedCounts)}; ${r.unrecognised.length} dòng không nhận dạng / unrecognised line(s)`,
    );
  });
}
