// `apparatus staffing targets | set-target | targets-from-rules | blocks | trend`:
// streamlining targets and their progress, the national total by block, the
// trend over periods. Registered under `staffing` by staffing.commands.ts,
// which lends its reference-data and unit-code helpers.
import type { Command } from 'commander';
import type { Db } from '../platform/db/db.ts';
import { notFound, parseIsoDate, todayIso } from '../platform/errors.ts';
import { centralAgencyByCode } from '../staffing/reports/reports.store.ts';
import { CategoryCode, RuleSetTargetsBody, TargetBody } from '../staffing/staffing.schemas.ts';
import { setTarget, setTargetsFromRuleSet } from '../staffing/targets/targets.service.ts';
import { targetProgress } from '../staffing/targets/targets.progress.ts';
import { blocksReport } from '../staffing/reports/reports.service.ts';
import { trendReport } from '../staffing/reports/reports.trend.ts';
import { percentText, ratio } from '../platform/formats/percent.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

interface Helpers {
  ensureData: (db: Db) => Promise<void>;
  unitId: (db: Db, code: string, asOf: string) => Promise<number>;
}

/** Agencies by the code of data/vn/central-agencies.csv (import key 'central:<code>'). */
async function agencyId(db: Db, code: string) {
  const row = await centralAgencyByCode(db, code);
  if (!row) throw notFound({ vi: `cơ quan trung ương mã ${code}`, en: `A central agency with code ${code}` });
  return row.id;
}

/** A share written with the State's two decimals, from its exact parts. */
const share = (part: number | null | undefined, whole: number | null | undefined) =>
  part == null || whole == null ? null : percentText(ratio(part, whole));

export function registerReportCommands(st: Command, { ensureData, unitId }: Helpers) {
  st.command('targets')
    .description(
      'Streamlining targets of a period with the progress of reductions (recorded headcounts against the straight line)',
    )
    .requiredOption('--period <code>')
    .option('--unit <code>', 'only this unit and the units right under it')
    .option('--category <code>')
    .option('--as-of <date>', 'date of the "planned now" figure', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const asOf = parseIsoDate(o.asOf, '--as-of');
        const r = await targetProgress(db, cliContext(), {
          period: o.period,
          category: o.category ? CategoryCode.parse(o.category) : undefined,
          unitId: o.unit ? await unitId(db, o.unit, asOf) : undefined,
          asOf,
        });
        if (o.json) return printJson(r);
        printTable(
          r.items.map((i) => ({
            code: i.code,
            name: i.name,
            category: i.category,
            baseline: `${i.baselineHeadcount} (${i.baselineAsOf})`,
            target: `${i.targetHeadcount} (${i.targetDate})`,
            cut: `${i.requiredCut} (${share(i.requiredCut, i.baselineHeadcount)})`,
            latest: i.latest ? `${i.latest.present} (${i.latest.asOf})` : null,
            achieved: share(i.latest?.achieved, i.requiredCut),
            plannedNow: Math.round(i.plannedNow * 10) / 10,
            status: i.status,
          })),
        );
        if (r.items.length === 1 || o.unit) {
          for (const i of r.items.filter((x) => x.points.length)) {
            console.log(`\n${i.name} (${i.category}) — ${i.basis}`);
            const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
            printTable(
              i.points.map((p) => ({
                date: p.asOf,
                present: p.present,
                planned: r1(p.planned),
                achieved: p.achieved,
                ofCut: share(p.achieved, i.requiredCut),
                gap: r1(p.gap),
                status: p.status,
              })),
            );
          }
        }
      }),
    );

  st.command('set-target')
    .description('Set the streamlining target of a unit (or central agency): a share or a headcount, with its decision')
    .requiredOption('--period <code>')
    .requiredOption('--category <code>')
    .requiredOption('--basis <text>', 'the decision or legal basis')
    .option('--unit <code>')
    .option('--agency <code>', 'central agency code, e.g. bnv')
    .option('--share <percent>')
    .option('--headcount <n>', 'the target headcount')
    .option('--baseline-date <date>', 'default: the period start')
    .option('--target-date <date>', 'default: the last day of the period')
    .option('--as-of <date>', 'unit in force on', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const body = TargetBody.parse({
          period: o.period,
          category: o.category,
          basis: o.basis,
          share: o.share === undefined ? undefined : Number(o.share),
          targetHeadcount: o.headcount === undefined ? undefined : Number(o.headcount),
          baselineDate: o.baselineDate,
          targetDate: o.targetDate,
          unitId: o.unit ? await unitId(db, o.unit, parseIsoDate(o.asOf, '--as-of')) : undefined,
          agencyId: o.agency ? await agencyId(db, o.agency) : undefined,
        });
        const r = await setTarget(db, cliContext(), body);
        if (o.json) return printJson(r);
        console.log(
          `${r.name} (${r.category}): ${r.baselineHeadcount} (${r.baselineAsOf}) → ${r.targetHeadcount} (${r.targetDate}), giảm / cut ${r.requiredCut}; ${r.basis}`,
        );
      }),
    );

  st.command('targets-from-rules')
    .description(
      "Set every province's target from the reduction rule set (−5/−15/−20 % by lineage), baseline = recorded headcount",
    )
    .requiredOption('--period <code>')
    .option('--rule-set <id>', 'default: reduction-<period>')
    .option('--baseline-date <date>')
    .option('--target-date <date>')
    .option('--basis <text>', 'default: the rule set and its legal basis')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await setTargetsFromRuleSet(
          db,
          cliContext(),
          RuleSetTargetsBody.parse({
            period: o.period,
            ruleSet: o.ruleSet,
            baselineDate: o.baselineDate,
            targetDate: o.targetDate,
            basis: o.basis,
          }),
        );
        if (o.json) return printJson(r);
        printTable(
          r.set.map((s) => ({
            code: s.code,
            province: s.name,
            formedFrom: s.formedFrom.length,
            percent: `${s.percent}%`,
            baseline: s.baselineHeadcount,
            target: s.targetHeadcount,
            cut: s.requiredCut,
          })),
        );
        for (const s of r.skipped) console.log(`Bỏ qua / skipped ${s.code} ${s.name}: ${s.vi} / ${s.en}`);
      }),
    );

  st.command('blocks')
    .description(
      'The national quota and present by block (central Party and mass organisations, central State, local), per category',
    )
    .requiredOption('--period <code>')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await blocksReport(db, cliContext(), o.period);
        if (o.json) return printJson(r);
        const rows = [];
        for (const c of r.categories) {
          const n = r.national.byCategory[c.code];
          if (!n) continue;
          for (const b of r.blocks) {
            const f = b.byCategory[c.code];
            rows.push({ category: c.code, block: b.block, quota: f?.quota ?? 0, present: f?.present ?? 0 });
          }
          const out = r.outside.byCategory[c.code];
          rows.push({
            category: c.code,
            block: 'outside (reserve + unallocated)',
            quota: out.quota,
            present: out.present,
          });
          rows.push({ category: c.code, block: 'national', quota: n.quota, present: n.present });
        }
        printTable(rows);
      }),
    );

  st.command('trend')
    .description("A unit's quota, reserve and present across periods, with the change between consecutive periods")
    .option('--unit <code>', 'default: the country')
    .option('--agency <code>', 'central agency code')
    .option('--category <code>', 'default: all categories together')
    .option('--as-of <date>', 'unit in force on', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await trendReport(db, cliContext(), {
          unitId: o.unit ? await unitId(db, o.unit, parseIsoDate(o.asOf, '--as-of')) : undefined,
          agencyId: o.agency ? await agencyId(db, o.agency) : undefined,
          category: o.category ? CategoryCode.parse(o.category) : undefined,
        });
        if (o.json) return printJson(r);
        console.log(`${r.unit.name}${r.category ? ` (${r.category})` : ''}`);
        printTable(
          r.items.map((i) => ({
            period: i.period,
            source: i.source,
            quota: i.quota,
            reserve: i.reserve,
            present: i.present,
            quotaChange: i.change?.quota
              ? `${i.change.quota.abs} (${share(i.change.quota.abs, i.change.quota.from)})`
              : null,
            presentChange: i.change?.present
              ? `${i.change.present.abs} (${share(i.change.present.abs, i.change.present.from)})`
              : null,
          })),
        );
      }),
    );
}
