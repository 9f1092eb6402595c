// `apparatus feedback stats [--province CODE] [--as-of DATE]` and `apparatus feedback overdue [--province CODE]`:
// the public channel's figures per answering unit and the items past their legal due date, each with --json.
import type { Command } from 'commander';
import { parseIsoDate } from '../platform/errors.ts';
import { stats, overdue } from '../channel/feedback/feedback.stats.ts';
import { feedbackSettings } from '../channel/feedback/feedback.settings.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

export function registerFeedbackCommands(program: Command) {
  const cmd = program
    .command('feedback')
    .description("Phản ánh, kiến nghị của người dân / citizens' feedback and petitions");
  cmd
    .command('stats')
    .description(
      'Số phản ánh theo đơn vị tiếp nhận: tổng, đang mở, quá hạn, đã trả lời (đúng hạn), đánh giá / figures per answering unit',
    )
    .option('--province <code>', 'chỉ các đơn vị trong tỉnh này / only the units of this province')
    .option('--as-of <date>', 'ngày tính quá hạn (YYYY-MM-DD) / the day overdue is counted on')
    .option('--json', 'JSON output', false)
    .action(async (o: { province?: string; asOf?: string; json: boolean }) =>
      withDb(o.json, async ({ db }) => {
        const r = await stats(
          db,
          cliContext(),
          { provinceCode: o.province, asOf: o.asOf ? parseIsoDate(o.asOf, '--as-of') : undefined },
          feedbackSettings(),
        );
        if (o.json) return printJson(r);
        printTable(
          r.rows.map((x) => ({
            code: x.unit.code,
            unit: x.unit.name,
            total: x.total,
            open: x.open,
            overdue: x.overdue,
            answered: x.answered,
            on_time: x.answeredOnTime,
            closed: x.closed,
            rated: x.rated,
            avg_rating: x.rated ? (x.ratingSum / x.rated).toFixed(2) : '',
          })),
        );
        const t = r.total;
        console.log(
          `Tổng / total ${t.total}: mở / open ${t.open}, quá hạn / overdue ${t.overdue}, đã trả lời / answered ${t.answered} (đúng hạn / on time ${t.answeredOnTime}), đóng / closed ${t.closed} — ngày / as of ${r.asOf}`,
        );
      }),
    );
  cmd
    .command('overdue')
    .description('Phản ánh quá hạn trả lời (ngày làm việc quá hạn) / items past their answer due date')
    .option('--province <code>', 'chỉ các đơn vị trong tỉnh này / only the units of this province')
    .option('--json', 'JSON output', false)
    .action(async (o: { province?: string; json: boolean }) =>
      withDb(o.json, async ({ db }) => {
        const r = await overdue(db, cliContext(), { provinceCode: o.province }, feedbackSettings());
        if (o.json) return printJson(r);
        if (r.items.length === 0) return console.log(`Không có phản ánh quá hạn / nothing overdue (${r.today})`);
        printTable(
          r.items.map((x) => ({
            code: x.code,
            category: x.category,
            status: x.status,
            due: x.dueOn,
            working_days_late: x.workingDaysLate,
            unit: `${x.unit.code} ${x.unit.name}`,
          })),
        );
      }),
    );
}
