// `apparatus indicators …`: load the national targets, import figures, read status and rebuilt series.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError, parseIsoDate, todayIso } from '../platform/errors.ts';
import { ensureReferenceData } from '../units/import/import.service.ts';
import type { Db } from '../platform/db/db.ts';
import { loadNational } from '../indicators/targets/targets.service.ts';
import { indicatorSdmx, indicatorStatus } from '../indicators/targets/targets.status.ts';
import { importValues, type BadRow } from '../indicators/values/values.import.ts';
import { rebuild } from '../indicators/rebuild/rebuild.api.ts';
import { importTargets } from '../indicators/targets/targets.import.ts';
import { VN_DATA_DIR } from './demo.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

async function ensureData(db: Db) {
  const outcome = await ensureReferenceData(db, VN_DATA_DIR);
  if (outcome)
    console.error(
      `(Đã nạp dữ liệu tham chiếu lần đầu / imported the reference data on first use: ${outcome.units} units)`,
    );
}

export function registerIndicatorCommands(program: Command) {
  const ind = program
    .command('indicators')
    .description('Socio-economic indicators (chỉ tiêu): figures, targets, rebuilt series');

  ind
    .command('load-national')
    .description('Load the national targets 2026–2030 and 2025 baselines from data/indicators (idempotent)')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await loadNational(db, cliContext());
        if (o.json) printJson(r);
        else
          console.log(
            `Chỉ tiêu / definitions: ${r.definitions}; chỉ tiêu mới / targets versioned: ${r.targetsCreated}; số gốc / baselines: ${r.baselinesRecorded}`,
          );
      }),
    );

  ind
    .command('import')
    .description(
      'Import figures from CSV or .xlsx (all or nothing; bad rows listed). Layout: data/indicators/README.md',
    )
    .argument('<file>')
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await importValues(db, cliContext(), path.basename(file), fs.readFileSync(file)).catch(
          (err: unknown) => {
            // --json prints the rows with the problem; a person reads them one a line
            if (!o.json && err instanceof AppError && Array.isArray(err.extra.rows))
              for (const b of err.extra.rows as BadRow[]) console.error(`  ${b.vi}\n  ${b.en}`);
            throw err;
          },
        );
        if (o.json) printJson(r);
        else console.log(`Đã nhập / imported: ${r.rows} số liệu / figures, ${r.revisions} điều chỉnh / revisions`);
      }),
    );

  ind
    .command('targets-import')
    .description(
      "Import targets (e.g. provinces' GRDP targets) from CSV or .xlsx: all or nothing, each row a new version with its decision",
    )
    .argument('<file>')
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const r = await importTargets(db, cliContext(), path.basename(file), fs.readFileSync(file)).catch(
          (err: unknown) => {
            if (!o.json && err instanceof AppError && Array.isArray(err.extra.rows))
              for (const b of err.extra.rows as BadRow[]) console.error(`  ${b.vi}\n  ${b.en}`);
            throw err;
          },
        );
        if (o.json) printJson(r);
        else
          console.log(`Đã nhập / imported: ${r.rows} dòng / rows, ${r.versionsCreated} phiên bản mới / new versions`);
      }),
    );

  ind
    .command('status')
    .description('Targets in force, figures known on a date, required path, gap and verdict')
    .requiredOption('--indicator <code>')
    .option('--as-of <date>', 'as known on this date', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const r = await indicatorStatus(db, cliContext(), o.indicator, parseIsoDate(o.asOf, '--as-of'));
        if (o.json) return printJson(r);
        console.log(
          `${r.indicator.code} — ${r.indicator.name_vi} / ${r.indicator.name_en} (${r.indicator.unit_vi}), đến ngày / as of ${r.asOf}`,
        );
        printTable(
          r.tracks.map((t) => ({
            'đơn vị / unit': t.unit.name,
            'kỳ / period': t.target.period,
            'chỉ tiêu / target': `${t.target.target_kind} ${t.target.low ?? ''}${t.target.high && t.target.high !== t.target.low ? `–${t.target.high}` : ''}${t.target.per_year ? '/năm' : ''}`,
            'năm / year': t.track.year ?? '—',
            'thực tế / actual': t.track.actual ?? '—',
            'yêu cầu / required': t.track.required ?? '—',
            'chênh / gap': t.track.gap ?? '—',
            'còn lại cần / rest': t.track.requiredForRest ?? '—',
            'đánh giá / status': t.track.status,
          })),
        );
        console.log(
          `Số liệu chính thức / official: ${r.official.length}; chờ chấp nhận / awaiting acceptance: ${r.awaitingAcceptance.length}`,
        );
        console.log(`${r.warnings.vi}\n${r.warnings.en}`);
      }),
    );

  ind
    .command('rebuild')
    .description(
      "A unit's figure for a period; before the unit existed, rebuilt from its predecessors by the indicator's rule",
    )
    .requiredOption('--indicator <code>')
    .requiredOption('--unit <code>', 'unit code in force on --as-of (or a registry key such as old:p:25)')
    .requiredOption('--period <p>')
    .option('--as-of <date>', 'as known on this date', todayIso())
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const r = await rebuild(db, cliContext(), o.indicator, o.unit, o.period, parseIsoDate(o.asOf, '--as-of'));
        if (o.json) return printJson(r);
        console.log(
          `${r.indicator} ${r.unit.name} ${r.period} (${r.how}): ${r.figure ? `${r.figure.value} [${r.figure.status}]` : '—'}`,
        );
        if (r.note) console.log(`  ${r.note.vi}\n  ${r.note.en}`);
        if (r.predecessors.length)
          printTable(
            r.predecessors.map((p) => ({
              'tiền thân / predecessor': p.unit.name,
              'khóa / key': p.unit.key,
              'liên kết / link': p.link,
              'tỷ lệ / share': p.share ?? '',
              'giá trị / value': p.figure?.value ?? '—',
              'tử / num': p.figure?.numerator ?? '',
              'mẫu / den': p.figure?.denominator ?? '',
              'trạng thái / status': p.figure?.status ?? p.how,
            })),
          );
      }),
    );

  ind
    .command('export-sdmx')
    .description('Official figures of an indicator known on a date as SDMX-CSV with status flags (OBS_STATUS A/P/E)')
    .requiredOption('--indicator <code>')
    .option('--as-of <date>', 'as known on this date', todayIso())
    .option('--out <file.csv>', 'write to a file instead of the standard output')
    .option('--json', 'JSON output (the CSV text and its row count)', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const csv = await indicatorSdmx(db, cliContext(), o.indicator, parseIsoDate(o.asOf, '--as-of'));
        const rows = csv.trimEnd().split('\r\n').length - 1;
        if (o.out) fs.writeFileSync(o.out, csv);
        if (o.json) printJson({ rows, ...(o.out ? { file: o.out } : { csv }) });
        else if (o.out) console.log(`${o.out}: ${rows} dòng / rows`);
        else process.stdout.write(csv);
      }),
    );
}
