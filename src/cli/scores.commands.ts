// `apparatus scores …`: compute leaders' capacity scores for a period and explain one leader's score, term by
// term, each with its evidence and the clause it follows (Decree 335/2025 rule set, src/indicators/scores/).
import type { Command } from 'commander';
import { AppError, parseIsoDate, todayIso } from '../platform/errors.ts';
import { computeScores, explainScore, recordExemption } from '../indicators/scores/scores.service.ts';
import { GRADE_WORDS } from '../indicators/scores/scores.rules.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

const personId = (v: string) => {
  if (!/^\d+$/.test(v))
    throw new AppError(
      400,
      'bad-person',
      { vi: 'Mã người không hợp lệ', en: 'Invalid person id' },
      {
        vi: `--person phải là số (mã lãnh đạo), nhận được «${v}».`,
        en: `--person must be a number (the leader's id), got «${v}».`,
      },
    );
  return Number(v);
};

export function registerScoreCommands(program: Command) {
  const sc = program
    .command('scores')
    .description("Leaders' capacity scores (Decree 335/2025 structure): compute, explain, record an appeal");

  sc.command('compute')
    .description('Compute every leader’s score for a period (whole comparison groups; --unit: the groups under a unit)')
    .requiredOption('--period <period>', 'a year (2026) or a quarter (2026-Q2)')
    .option('--unit <code>', 'only the groups of leaders under this unit')
    .option('--today <date>', 'the day the public channel is read up to', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const rows = await computeScores(db, cliContext(), {
          period: o.period,
          unitCode: o.unit,
          today: parseIsoDate(o.today, '--today'),
        });
        if (o.json) return printJson({ period: o.period, leaders: rows });
        printTable(
          rows.map((r) => ({
            'mã / id': r.leaderId,
            'lãnh đạo / leader': r.name,
            'đơn vị / unit': r.unitCode,
            'nhóm / group': r.group,
            'điểm / score': r.total.toFixed(2),
            'xếp loại / grade': `${GRADE_WORDS[r.finalGrade].vi}${r.capped ? ' (giới hạn 20% / 20% cap)' : ''}`,
            'thiếu / missing': r.flags.join(', '),
          })),
        );
        console.log(`${rows.length} lãnh đạo / leaders`);
      }),
    );

  sc.command('explain')
    .description('One leader’s latest score: every term, its evidence ids and its legal basis')
    .requiredOption('--person <id>', 'the leader’s id')
    .requiredOption('--period <period>')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const e = await explainScore(db, cliContext(), personId(o.person), o.period);
        if (o.json) return printJson(e);
        console.log(
          `${e.leader.name} — ${e.unit.name} (${e.unit.code}), kỳ / period ${e.period}, bộ quy tắc / rule set ${e.ruleSet}`,
        );
        for (const t of e.terms) {
          const ev = t.evidence.map((x) => `${x.kind}#${x.id}`).join(' ');
          console.log(
            `  ${t.points.toFixed(2).padStart(6)} / ${String(t.max).padEnd(5)} ${t.label.vi} / ${t.label.en}`,
          );
          console.log(`         ${t.how.vi} / ${t.how.en}`);
          console.log(
            `         căn cứ / basis: ${t.cite.vi}${t.cite.articleConfirmed ? '' : ' [số điều chưa xác minh / article number not verified]'}`,
          );
          if (ev) console.log(`         bằng chứng / evidence: ${ev}`);
        }
        const adj = e.terms.find((t) => t.key === 'adjustment.disruption')?.points ?? 0;
        console.log(
          `  Tổng / total ${e.total.toFixed(2)} = chung / general ${e.general} + kết quả / results ${e.results} + điều chỉnh / adjustment ${adj}`,
        );
        console.log(`  Xếp loại / grade: ${e.finalGradeWords.vi} / ${e.finalGradeWords.en}`);
        if (e.cap?.note) console.log(`  ${e.cap.note.vi}\n  ${e.cap.note.en}`);
        if (e.flags.length) console.log(`  Thiếu dữ liệu / missing: ${e.flags.join(', ')}`);
      }),
    );

  sc.command('exempt')
    .description('Record an appeal upheld (objective cause certified) and recompute the leader’s group')
    .requiredOption('--person <id>')
    .requiredOption('--period <period>')
    .requiredOption('--kind <kind>', 'major_error | delay')
    .option('--error <id>', 'the major error (assessment id)')
    .option('--task <id>', 'the late task')
    .requiredOption('--cause <text>')
    .requiredOption('--certified-by <decision>')
    .requiredOption('--certified-on <date>')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const r = await recordExemption(db, cliContext(), {
          leaderId: personId(o.person),
          period: o.period,
          kind: o.kind,
          assessmentId: o.error ? Number(o.error) : undefined,
          taskId: o.task ? Number(o.task) : undefined,
          cause: o.cause,
          certifiedBy: o.certifiedBy,
          certifiedOn: parseIsoDate(o.certifiedOn, '--certified-on'),
        });
        if (o.json) return printJson(r);
        console.log(
          `Miễn trừ / exemption #${r.exemptionId}: ${r.before ?? '—'} → ${r.after} (${GRADE_WORDS[r.finalGrade].vi})`,
        );
      }),
    );
}
