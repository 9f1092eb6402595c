// `apparatus program import FILE --dry-run` (preview of a program document or an
// Excel task list) and `apparatus deadline parse "PHRASE"`. Neither touches the
// database; saving an import belongs to the program module, passed in as `save`.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { badRequest } from '../platform/errors.ts';
import { parseDeadline } from '../program/parse/deadline.ts';
import { parseProgramDocument } from '../program/parse/document.ts';
import { formatPreview } from '../program/parse/document.format.ts';
import { xlsxToTaskList } from '../program/parse/tasklist.xlsx.ts';
import { printJson, reportError } from './output.ts';

export interface ImportOptions {
  file: string;
  json: boolean;
  lang: 'en' | 'vi' | 'auto';
  /** What the program is, for saving (ignored by --dry-run). */
  meta: {
    code?: string;
    title?: string;
    titleEn?: string;
    resolution?: string;
    issuingBody?: string;
    period?: string;
    effectiveDate?: string;
    decision?: string;
  };
}

/** Another module may register `program …` too: share the parent command instead of duplicating it. */
const group = (program: Command, name: string, description: string) =>
  program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw badRequest({
      vi: `Không đọc được tệp "${file}" (${(err as Error).message}).`,
      en: `Cannot read the file "${file}" (${(err as Error).message}).`,
    });
  }
}

async function preview(o: ImportOptions): Promise<void> {
  const bytes = await readInput(o.file);
  if (/\.xlsx$/i.test(o.file)) {
    const result = await xlsxToTaskList(bytes);
    if (o.json) printJson(result);
    else if (result.ok) console.log(`Danh sách hợp lệ / valid task list: ${result.rows.length} nhiệm vụ/tasks`);
    else
      for (const e of result.errors)
        console.log(`dòng/row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message.vi} / ${e.message.en}`);
    if (!result.ok) process.exitCode = 2;
    return;
  }
  const result = parseProgramDocument(bytes.toString('utf8'), { lang: o.lang });
  if (o.json) printJson(result);
  else console.log(formatPreview(result).join('\n'));
  // A date that does not exist would stop the import: say so in the exit code too.
  if (result.errors.length > 0) process.exitCode = 2;
}

export function registerProgramParseCommands(program: Command, save?: (o: ImportOptions) => Promise<void>) {
  group(program, 'program', 'Action programs: import, warnings, reports')
    .command('import')
    .description('Import a program document (.txt) or an Excel task list (.xlsx); --dry-run shows what was recognised')
    .argument('<file>', 'program document (plain text, UTF-8) or task list (.xlsx, documented template)')
    .option('--dry-run', 'only show the recognised tree, counts and unrecognised lines', false)
    .option('--lang <lang>', 'en | vi | auto', 'auto')
    .option('--code <code>', 'program code, e.g. CTHD-XIV-2026-2030 (to save)')
    .option('--title <title>', 'title in Vietnamese (to save)')
    .option('--title-en <title>', 'title in English')
    .option('--resolution <ref>', 'the resolution the program implements')
    .option('--issuing-body <body>', 'who issued it (to save)')
    .option('--period <phrase>', 'the program period, e.g. "2026-2030" (to save)')
    .option('--effective-date <date>', 'date the program takes effect, YYYY-MM-DD (default today)')
    .option('--decision <ref>', 'decision that adopted it')
    .option('--json', 'JSON output', false)
    .action(async (file: string, o) => {
      const options: ImportOptions = {
        file,
        json: o.json,
        lang: o.lang,
        meta: {
          code: o.code,
          title: o.title,
          titleEn: o.titleEn,
          resolution: o.resolution,
          issuingBody: o.issuingBody,
          period: o.period,
          effectiveDate: o.effectiveDate,
          decision: o.decision,
        },
      };
      try {
        if (!['en', 'vi', 'auto'].includes(o.lang))
          throw badRequest({ vi: '--lang phải là en, vi hoặc auto.', en: '--lang must be en, vi or auto.' });
        if (o.dryRun) return await preview(options);
        if (!save) {
          throw badRequest({
            vi: 'Lưu chương trình do mô-đun chương trình thực hiện và chưa được nối vào lệnh này; hãy chạy với --dry-run để xem trước.',
            en: 'Saving a program is done by the program module and is not wired to this command yet; run with --dry-run to preview.',
          });
        }
        await save(options);
      } catch (err) {
        reportError(err, o.json);
      }
    });

  group(program, 'deadline', 'Deadline phrases')
    .command('parse')
    .description('Read a deadline phrase ("quý IV/2026", "June 2026", "2026–2030") into a period')
    .argument('<phrase...>', 'the phrase, in English or Vietnamese')
    .option('--reference-date <date>', 'start of "from now until …" (YYYY-MM-DD, default today)')
    .option('--json', 'JSON output', false)
    .action((words: string[], o) => {
      try {
        const { kind, start, end } = parseDeadline(words.join(' '), { referenceDate: o.referenceDate });
        if (o.json) printJson({ kind, start, end });
        else console.log(JSON.stringify({ kind, start, end }));
      } catch (err) {
        reportError(err, o.json);
      }
    });
}
