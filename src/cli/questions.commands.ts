// `apparatus questions list [--office central|CODE] [--overdue] [--json]`: the standing offices' questions,
// earliest due first (the CLI sees every office), to chase those past their due date.
import type { Command } from 'commander';
import { list } from '../channel/questions/questions.service.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

export function registerQuestionsCommands(program: Command) {
  const cmd = program
    .command('questions')
    .description('Hỏi đáp với cơ quan thường trực về sắp xếp tổ chức bộ máy / questions to the standing offices');
  cmd
    .command('list')
    .description('Danh sách câu hỏi, hạn trả lời sớm nhất trước / questions, earliest due first')
    .option('--office <office>', '"central" (trung ương) hoặc mã tỉnh / "central" or a province code')
    .option('--overdue', 'chỉ câu hỏi quá hạn chưa được trả lời / only those past due and unanswered', false)
    .option('--json', 'JSON output', false)
    .action(async (o: { office?: string; overdue: boolean; json: boolean }) =>
      withDb(o.json, async ({ db }) => {
        const r = await list(db, cliContext(), {
          office: o.office,
          overdue: o.overdue ? 'true' : undefined,
          limit: 500,
        });
        if (o.json) return printJson(r);
        if (r.items.length === 0) return console.log(`Không có câu hỏi / no questions (${r.today})`);
        printTable(
          r.items.map((x) => ({
            id: x.id,
            office: x.office.code,
            asker: `${x.asker.code} ${x.asker.name}`,
            status: x.status,
            asked: x.askedOn,
            due: x.dueOn,
            overdue: x.overdue ? 'quá hạn / overdue' : '',
            published: x.published ? 'FAQ' : '',
            subject: x.subject,
          })),
        );
      }),
    );
}
