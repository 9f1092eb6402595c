// `apparatus staffing …`: table checks, norms, reductions, availability, allocation, Appendix IA export/import.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Db } from '../platform/db/db.ts';
import { badRequest, notFound, parseIsoDate, todayIso } from '../platform/errors.ts';
import { ensureReferenceData } from '../units/import/import.service.ts';
import { parseTableFile } from '../staffing/tables/tables.layout.ts';
import { checkSubmitted, importSubmitted } from '../staffing/tables/tables.service.ts';
import { evaluateNorm, reductions } from '../staffing/norms/norms.service.ts';
import { allocate, available } from '../staffing/quotas/quotas.service.ts';
import { exportXlsx, tableRows } from '../staffing/tables/tables.export.ts';
import { unitByCode } from '../staffing/quotas/quotas.store.ts';
import { AllocateBody, CategoryCode } from '../staffing/staffing.schemas.ts';
import { loadStaffingDemo } from '../staffing/staffing.demo.ts';
import { VN_DATA_DIR } from './demo.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';
import { registerReportCommands } from './staffing.reports.commands.ts';

async function ensureData(db: Db) {
  const outcome = await ensureReferenceData(db, VN_DATA_DIR);
  if (outcome)
    console.error(
      `(Đã nạp dữ liệu tham chiếu lần đầu / imported the reference data on first use: ${outcome.units} units)`,
    );
}

async function unitId(db: Db, code: string, asOf: string) {
  const u = await unitByCode(db, code, asOf);
  if (!u)
    throw notFound({
      vi: `đơn vị mã ${code} đang hiệu lực ngày ${asOf}`,
      en: `A unit with code ${code} in force on ${asOf}`,
    });
  return u.id;
}

const printSteps = (steps: { vi: string; en: string }[]) => {
  for (const s of steps) console.log(`  • ${s.vi}\n    ${s.en}`);
};

/** "equal=0.5,population=0.3" → { equal: 0.5, population: 0.3 } */
function parseWeights(text?: string) {
  if (!text) return undefined;
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=');
    if (!['equal', 'population', 'area', 'special'].includes(k) || !Number.isFinite(Number(v)) || Number(v) < 0) {
      throw badRequest({
        vi: `Trọng số không hợp lệ: "${part}" (dạng equal=0.5,population=0.25,area=0.15,special=0.1).`,
        en: `Invalid weight "${part}" (write equal=0.5,population=0.25,area=0.15,special=0.1).`,
      });
    }
    out[k] = Number(v);
  }
  return out;
}

export function registerStaffingCommands(program: Command) {
  const st = program
    .command('staffing')
    .description('Staffing quotas (biên chế): checks, norms, reductions, allocation');

  st.command('check')
    .description(
      'Inconsistencies of a staffing table (CSV or XLSX in the Appendix IA layout); exit code 3 if any error',
    )
    .argument('<file>')
    .option('--period <code>', 'also compare with the figures recorded in this period (e.g. 2022-2026)')
    .option('--category <code>', 'category of the civil-servant column', 'cadre_civil_servant')
    .option('--as-of <date>', 'date of the table (codes in force, present date)', todayIso())
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        const table = await parseTableFile(path.basename(file), fs.readFileSync(file));
        const r = await checkSubmitted(
          db,
          cliContext(),
          table,
          o.period
            ? { period: o.period, category: CategoryCode.parse(o.category), asOf: parseIsoDate(o.asOf, '--as-of') }
            : undefined,
        );
        const { parsed: _parsed, ...out } = r;
        if (o.json) printJson(out);
        else {
          console.log(
            `${r.source}: ${r.rows} dòng / rows, ${r.errors} lỗi / errors, ${r.warnings} cảnh báo / warnings`,
          );
          for (const i of r.issues)
            console.log(`[${i.severity}] ${i.check} (dòng / rows ${i.rows.join(', ')}): ${i.vi}\n    ${i.en}`);
        }
        if (r.errors > 0) process.exitCode = 3;
      }),
    );

  st.command('import')
    .description('Import an Appendix IA table (all or nothing): assigned quotas and present headcount')
    .argument('<file>')
    .requiredOption('--period <code>')
    .option('--category <code>', 'category of the civil-servant column', 'cadre_civil_servant')
    .requiredOption('--as-of <date>', 'date of the present headcount (e.g. 2026-03-31)')
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const table = await parseTableFile(path.basename(file), fs.readFileSync(file));
        const r = await importSubmitted(db, cliContext(), table, {
          period: o.period,
          category: CategoryCode.parse(o.category),
          asOf: parseIsoDate(o.asOf, '--as-of'),
        });
        if (o.json) printJson(r);
        else
          console.log(
            `Đã nhập / imported: ${r.allocations} phân bổ / allocations, ${r.presents} số có mặt / headcounts, ${r.warnings.length} thay đổi so với số đã ghi / changes against recorded`,
          );
      }),
    );

  st.command('export')
    .description('Export a unit and the units under it in the Appendix IA layout (XLSX)')
    .requiredOption('--unit <code>')
    .requiredOption('--period <code>')
    .requiredOption('--out <file.xlsx>')
    .option('--category <code>', 'category of the civil-servant column', 'cadre_civil_servant')
    .option('--year <n>', 'year of the plan', String(new Date().getFullYear()))
    .action((o) =>
      withDb(false, async ({ db }) => {
        await ensureData(db);
        const id = await unitId(db, o.unit, todayIso());
        const rows = await tableRows(db, cliContext(), o.period, id, CategoryCode.parse(o.category));
        fs.writeFileSync(
          o.out,
          await exportXlsx(rows, { period: o.period, unitName: rows[0].name, year: Number(o.year) }),
        );
        console.log(`${o.out}: ${rows.length} dòng / rows`);
      }),
    );

  st.command('norms')
    .description('The number a rule set gives a unit, with the explanation of every term')
    .requiredOption('--rule-set <id>', 'decree-33-2023-commune | two-tier-2025-commune | reduction-2026-2031')
    .requiredOption('--unit <code>')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today, or the last day the rule was in force)')
    .option('--class <I|II|III>', 'class of the commune (Decree 33/2023: not in the registry)')
    .option('--mountainous', 'mountainous/highland commune', false)
    .option('--weights <list>', 'two-tier weights, e.g. equal=0.5,population=0.25,area=0.15,special=0.1')
    .option('--total <n>', 'two-tier: the province total instead of 32 × communes')
    .option('--compare-period <code>', 'show the quotas recorded in this period next to the proposal')
    .option('--export <file.csv>', 'write the scenario (every unit, proposal and current) to a CSV file')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await evaluateNorm(db, cliContext(), {
          ruleSet: o.ruleSet,
          unitCode: o.unit,
          asOf: o.asOf ? parseIsoDate(o.asOf, '--as-of') : undefined,
          class: o.class,
          mountainous: o.mountainous,
          weights: parseWeights(o.weights),
          total: o.total ? Number(o.total) : undefined,
          comparePeriod: o.comparePeriod,
        });
        const units = 'units' in r ? (r.units ?? []) : [];
        if (o.export) {
          const lines = [
            'code,name,proposed,current,share',
            ...units.map((u) =>
              [u.code, `"${u.name}"`, u.value, u.current ?? '', Math.round(u.share * 1e6) / 1e6].join(','),
            ),
          ];
          fs.writeFileSync(o.export, lines.join('\n') + '\n');
        }
        if (o.json) return printJson(r);
        console.log(
          `${r.ruleSet.title.vi} / ${r.ruleSet.title.en} (v${r.ruleSet.version}, ${r.ruleSet.validFrom ?? '…'} → ${r.ruleSet.validTo ?? '…'}), ngày / as of ${r.asOf}`,
        );
        console.log(`Căn cứ / basis: ${r.ruleSet.legalBasis.join('; ')}`);
        console.log(`Kết quả / result: ${r.value ?? '—'}`);
        printSteps(r.steps);
        if (units.length > 1)
          printTable(units.map((u) => ({ code: u.code, name: u.name, proposed: u.value, current: u.current })));
      }),
    );

  st.command('reductions')
    .description('Required cut per province for a period, with the reason (from lineage)')
    .requiredOption('--period <code>', 'e.g. 2026-2031')
    .option('--as-of <date>', 'provinces in force on', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await reductions(db, cliContext(), `reduction-${o.period}`, parseIsoDate(o.asOf, '--as-of'));
        if (o.json) return printJson(r);
        console.log(
          `${r.ruleSet.title.vi} / ${r.ruleSet.title.en}\nCăn cứ / basis: ${r.ruleSet.legalBasis.join('; ')}`,
        );
        console.log(
          `Số tỉnh theo số tỉnh hợp thành / provinces by number formed from: ${JSON.stringify(r.provincesByFormedFrom)}\n`,
        );
        printTable(
          r.items.map((i) => ({
            code: i.code,
            province: i.name,
            formedFrom: i.formedFrom.length,
            percent: i.percent,
            base: i.base,
            cut: i.cut,
            proposed: i.proposed,
            reason: i.steps[1]?.en,
          })),
        );
      }),
    );

  st.command('available')
    .description('Assigned, allocated below, reserve and available quota of a unit in a period')
    .requiredOption('--unit <code>')
    .requiredOption('--period <code>')
    .option('--as-of <date>', 'unit in force on', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await available(db, cliContext(), o.period, {
          unitId: await unitId(db, o.unit, parseIsoDate(o.asOf, '--as-of')),
        });
        if (o.json) return printJson(r);
        console.log(`${r.name}, thời kỳ / period ${r.period}`);
        printTable(
          r.items.map((i) => ({
            category: i.category,
            assigned: i.quota,
            allocatedBelow: i.allocatedBelow,
            reserve: i.reserve,
            available: i.available,
            present: i.presentTotal,
            vacancies: i.vacancies,
            redundant: i.redundant,
          })),
        );
        console.log(
          `\nTổng / total: assigned ${r.total.quota}, allocated below ${r.total.allocatedBelow}, reserve ${r.total.reserve}, available ${r.total.available}`,
        );
      }),
    );

  st.command('demo')
    .description(
      'Load the staffing demo: the 2022–2026 national total of Decision 71-QĐ/TW, illustrative figures below it',
    )
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await loadStaffingDemo(db);
        if (o.json) printJson(r);
        else
          console.log(
            r.skipped
              ? 'Đã có thời kỳ 2022-2026: bỏ qua / period 2022-2026 exists: skipped'
              : `Đã nạp / loaded: ${JSON.stringify(r)}`,
          );
      }),
    );

  st.command('allocate')
    .description('Set the quota of a unit in a period and category (refused if a limit would be exceeded)')
    .requiredOption('--unit <code>')
    .requiredOption('--period <code>')
    .requiredOption('--category <code>')
    .requiredOption('--quota <n>')
    .option('--reserve <n>')
    .option('--decision <ref>')
    .option('--as-of <date>', 'unit in force on', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const body = AllocateBody.parse({
          period: o.period,
          category: o.category,
          quota: Number(o.quota),
          reserve: o.reserve === undefined ? undefined : Number(o.reserve),
          decisionRef: o.decision,
          unitId: await unitId(db, o.unit, parseIsoDate(o.asOf, '--as-of')),
        });
        const r = await allocate(db, cliContext(), body);
        if (o.json) return printJson(r);
        console.log(
          `${r.name} (${r.category}): ${r.quota}, dự phòng / reserve ${r.reserve}, còn / available ${r.available}`,
        );
        for (const w of r.warnings) console.log(`Cảnh báo: ${w.vi}\nWarning: ${w.en}`);
      }),
    );

  registerReportCommands(st, { ensureData, unitId });
}
