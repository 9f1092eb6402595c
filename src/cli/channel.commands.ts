// `apparatus consultation results|report` and `apparatus satisfaction index`: the public channel's figures at
// the shell (issue 13, item 9). Text output rounds percentages (two decimals, half up); --json keeps exact counts.
import fs from 'node:fs';
import type { Command } from 'commander';
import { badRequest } from '../platform/errors.ts';
import { percentText } from '../platform/formats/percent.ts';
import { consultationReport, consultationResults } from '../channel/consultations/consultations.results.ts';
import { satisfactionIndex } from '../channel/satisfaction/satisfaction.service.ts';
import { Period } from '../channel/satisfaction/satisfaction.schemas.ts';
import { COMPONENTS } from '../channel/satisfaction/satisfaction.questions.ts';
import { printJson, printTable } from './output.ts';
import { withDb } from './run.ts';

const idOf = (text: string) => {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0)
    throw badRequest({
      vi: `Số đợt lấy ý kiến không hợp lệ: "${text}".`,
      en: `Invalid consultation number "${text}".`,
    });
  return id;
};
const tallyRow = (t: {
  agree: number;
  disagree: number;
  votes: number;
  approval: { numerator: number; denominator: number };
}) => ({
  'đồng ý/agree': t.agree,
  'không/disagree': t.disagree,
  'phiếu/votes': t.votes,
  'tỷ lệ/approval': percentText(t.approval),
});
const hundredths = (h: number | null) =>
  h === null ? '—' : `${(h / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

export function registerChannelCommands(program: Command) {
  const c = program.command('consultation').description('Public consultations (lấy ý kiến dự thảo)');
  c.command('results')
    .description('Results of a consultation: overall, per section, per province and per commune of residence')
    .argument('<id>')
    .option('--json', 'JSON output (exact counts)', false)
    .action((id: string, o) =>
      withDb(o.json, async ({ db }) => {
        const r = await consultationResults(db, idOf(id));
        if (o.json) return printJson(r);
        console.log(`${r.consultation.title} (${r.consultation.unit.name})`);
        console.log(
          `Người tham gia đã xác nhận / confirmed participants: ${r.participants}; chưa xác nhận / unconfirmed (not counted): ${r.unconfirmed}`,
        );
        console.log('\nChung / Overall');
        printTable([{ '': 'Toàn bộ / All', ...tallyRow(r.overall) }]);
        console.log('\nTheo phần / Per section');
        printTable(r.sections.map((s) => ({ phần: `${s.position}. ${s.heading}`.slice(0, 60), ...tallyRow(s.tally) })));
        console.log('\nTheo tỉnh / Per province');
        printTable(
          r.provinces.map((p) => ({
            mã: p.unit.code,
            tỉnh: p.unit.name,
            người: p.participants,
            ...tallyRow(p.overall),
          })),
        );
        console.log('\nTheo xã nơi cư trú / Per commune of residence');
        printTable(
          r.units.map((u) => ({ mã: u.unit.code, xã: u.unit.name, người: u.participants, ...tallyRow(u.overall) })),
        );
      }),
    );
  c.command('report')
    .description('Write the consultation report (Word, administrative layout)')
    .argument('<id>')
    .requiredOption('--out <file>', 'the .docx file to write')
    .option('--json', 'JSON output', false)
    .action((id: string, o) =>
      withDb(o.json, async ({ db }) => {
        const buf = await consultationReport(db, idOf(id));
        fs.writeFileSync(o.out, buf);
        if (o.json) printJson({ file: o.out, bytes: buf.length });
        else console.log(`Đã ghi / written: ${o.out} (${buf.length} bytes)`);
      }),
    );

  program
    .command('satisfaction')
    .description('Satisfaction index (SIPAS structure)')
    .command('index')
    .description('The index of a commune, a province or the country: total, per period, per part, sample sizes')
    .option('--unit <code>', 'a commune or province code (the country without it)')
    .option('--period <p>', 'a year (2026) or a quarter (2026-Q1); every period without it')
    .option('--json', 'JSON output (exact counts)', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const period = o.period === undefined ? undefined : Period.safeParse(o.period);
        if (period && !period.success)
          throw badRequest({
            vi: `Kỳ "${o.period}" không hợp lệ: viết NNNN hoặc NNNN-Qn (ví dụ 2026-Q1).`,
            en: `Invalid period "${o.period}": write YYYY or YYYY-Qn (e.g. 2026-Q1).`,
          });
        const r = await satisfactionIndex(db, { unit: o.unit, period: o.period });
        if (o.json) return printJson(r);
        const row = (label: Record<string, string>, f: (typeof r)['total']) => ({
          ...label,
          'mẫu/sample': f.smallSample ? `${f.sample} (ít / small)` : String(f.sample),
          ...Object.fromEntries(f.components.map((x) => [`YT${x.component}`, percentText(x.index)])),
          'chung/overall': hundredths(f.overallHundredths),
        });
        console.log(`${r.scope.name} — ${COMPONENTS.map((x) => `YT${x.n}: ${x.vi}`).join('; ')}`);
        console.log(`Mẫu nhỏ khi dưới / small sample below: ${r.smallSampleBelow} phiếu / questionnaires\n`);
        printTable([
          row({ kỳ: o.period ?? 'tất cả / all' }, r.total),
          ...r.series.map((s) => row({ kỳ: s.period }, s)),
        ]);
        if (r.parts.length) {
          console.log('');
          printTable(r.parts.map((p) => row({ mã: p.unit.code, 'đơn vị/unit': p.unit.name }, p)));
        }
      }),
    );
}
