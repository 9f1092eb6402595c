// `apparatus import vn`, `apparatus units …`.
import type { Command } from 'commander';
import type { Db } from '../platform/db/db.ts';
import { parseIsoDate, todayIso } from '../platform/errors.ts';
import { ensureReferenceData, importVn } from '../units/import/import.service.ts';
import { stats } from '../units/registry/registry.service.ts';
import { restructuring } from '../units/restructuring/restructuring.service.ts';
import { publicLookup } from '../units/lookup/lookup.service.ts';
import { checkLineage } from '../units/registry/registry.check.ts';
import { VN_DATA_DIR } from './demo.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';
import { printImportReport, printCheck, printLookup } from './units.print.ts';
import { percentText } from '../platform/formats/percent.ts';

/** First use of a fresh database: load the reference data, saying so on stderr (stdout may be JSON). */
async function ensureData(db: Db) {
  const outcome = await ensureReferenceData(db, VN_DATA_DIR);
  if (outcome)
    console.error(
      `(Đã nạp dữ liệu tham chiếu lần đầu / imported the reference data on first use: ${outcome.units} units in ${outcome.ms} ms)`,
    );
}

export function registerUnitCommands(program: Command) {
  const imp = program.command('import').description('Import reference data');
  imp
    .command('vn')
    .description('Import the Vietnam administrative units and 2025 lineage; prints the reconciliation report')
    .option('--data <dir>', 'folder with the official files', VN_DATA_DIR)
    .option('--force', 'import even if the files did not change', false)
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const outcome = await importVn(db, cliContext(), o.data, { force: o.force });
        if (o.json) printJson(outcome);
        else printImportReport(outcome);
      }),
    );

  const units = program.command('units').description('Administrative-unit registry');
  units
    .command('stats')
    .description('Units in force on a date, by level and type')
    .option('--as-of <date>', 'YYYY-MM-DD', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const result = await stats(db, parseIsoDate(o.asOf, '--as-of'));
        if (o.json) return printJson(result);
        console.log(`Đơn vị hành chính ngày ${result.asOf} / units in force on ${result.asOf}`);
        console.log(
          `  cấp tỉnh / provinces: ${result.byLevel.provinces}, cấp huyện / districts: ${result.byLevel.districts}, cấp xã / communes: ${result.byLevel.communes}\n`,
        );
        printTable(result.byType);
      }),
    );

  units
    .command('restructuring')
    .description('Per-province and national restructuring figures between two dates')
    .option('--from <date>', 'YYYY-MM-DD', '2025-06-30')
    .option('--to <date>', 'YYYY-MM-DD', '2025-07-01')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await restructuring(db, parseIsoDate(o.from, '--from'), parseIsoDate(o.to, '--to'));
        if (o.json) return printJson(r);
        const n = r.national;
        console.log(
          `Cả nước / national ${r.from} → ${r.to}: tỉnh ${n.before.provinces} → ${n.after.provinces} (−${percentText(n.reduction.provinces)}), huyện ${n.before.districts} → ${n.after.districts} (−${percentText(n.reduction.districts)}), xã ${n.before.communes} → ${n.after.communes} (−${percentText(n.reduction.communes)})\n`,
        );
        printTable(
          r.provinces.map((p) => ({
            code: p.code,
            province: p.fullName,
            formedFrom: p.formedFrom.map((f) => f.name).join(' + '),
            districtsBefore: p.districtsBefore,
            communesBefore: p.communesBefore,
            communesAfter: p.communesAfter,
            reduction: percentText(p.reduction),
          })),
        );
      }),
    );

  units
    .command('lookup')
    .description('Find an old or current unit by name or address and show what it belongs to now')
    .argument('<text...>', 'name or address fragment, diacritics optional')
    .option('--as-of <date>', 'YYYY-MM-DD', todayIso())
    .option('--limit <n>', 'max results', '10')
    .option('--json', 'JSON output', false)
    .action((text: string[], o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await publicLookup(db, text.join(' '), Number(o.limit), parseIsoDate(o.asOf, '--as-of'));
        if (o.json) printJson(r);
        else printLookup(r);
      }),
    );

  units
    .command('check')
    .description('Lineage completeness report: everything that does not add up')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await checkLineage(db);
        if (o.json) printJson(r);
        else printCheck(r);
        if (r.summary.registryErrors > 0) process.exitCode = 3;
      }),
    );
}
