// `apparatus handover …`: open the handovers of a reform date from the registry, their status, the
// minutes of one as a Word file, and whether a file is signed minutes (by its SHA-256).
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../platform/db/db.ts';
import { badRequest, parseIsoDate } from '../platform/errors.ts';
import { ensureReferenceData } from '../units/import/import.service.ts';
import { openHandovers, LEVEL_NAMES } from '../handover/open/open.service.ts';
import { handoverStatus } from '../handover/workflow/workflow.service.ts';
import { makeMinutes, minutesFile, verify } from '../handover/minutes/minutes.service.ts';
import { getHandover } from '../handover/workflow/workflow.service.ts';
import { sha256 } from '../handover/minutes/minutes.hash.ts';
import { VN_DATA_DIR } from './demo.ts';
import { readInventoryFile } from '../handover/sheet/sheet.read.ts';
import { importLines } from '../handover/sheet/sheet.service.ts';
import { handoverDashboard } from '../handover/rollups/rollups.service.ts';
import { checkHandovers } from '../handover/check/check.service.ts';
import { AppError } from '../platform/errors.ts';
import path from 'node:path';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

async function ensureData(db: Db) {
  const outcome = await ensureReferenceData(db, VN_DATA_DIR);
  if (outcome)
    console.error(
      `(Đã nạp dữ liệu tham chiếu lần đầu / imported the reference data on first use: ${outcome.units} units)`,
    );
}

const positiveId = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw badRequest({ vi: `Mã bàn giao "${v}" không hợp lệ.`, en: `"${v}" is not a handover id.` });
  return n;
};

function printDashboard(d: Awaited<ReturnType<typeof handoverDashboard>>) {
  const pct = (a: number, b: number) => (b ? `${((a * 100) / b).toFixed(1).replace('.', ',')}%` : '—');
  console.log(
    [
      `${d.province ? `${d.province.name}` : 'Cả nước / national'} (ngày / on ${d.asOf.split('-').reverse().join('/')}):`,
      `  bàn giao / handovers: nháp ${d.handovers.draft}, đã gửi ${d.handovers.submitted}, đã kiểm đếm ${d.handovers.counted}, đã ký ${d.handovers.signed}, kết thúc ${d.handovers.closed}`,
      `  dòng chưa nhận đủ / outstanding lines: ${d.outstanding} / ${d.lines}`,
      `  hồ sơ đã số hóa / dossiers digitised: ${d.dossiersDigitised} / ${d.dossiers} (${pct(d.dossiersDigitised, d.dossiers)}); trang / pages ${d.pagesDigitised} / ${d.pages} (${pct(d.pagesDigitised, d.pages)})`,
      `  hồ sơ đất đai, dự án chưa số hóa xong / land-investment records not digitised: ${d.landRecordsNotDigitised}`,
      `  con dấu chưa nộp / seals not surrendered: ${d.sealsNotSurrendered}`,
      `  trụ sở bỏ trống quá ${d.idleMonths} tháng / HQ idle over ${d.idleMonths} months: ${d.headquartersIdlePastMonths} (bỏ trống / idle ${d.headquartersIdle} / ${d.headquarters})`,
      `  việc quá hạn giải quyết / unfinished business past deadline: ${d.businessPastDeadline}`,
    ].join('\n'),
  );
}

export function registerHandoverCommands(program: Command) {
  const h = program
    .command('handover')
    .description('Bàn giao của đơn vị hết hiệu lực / handover of dissolved units: open, status, minutes, verify');

  h.command('open')
    .description('Open one handover for every unit whose validity ended on the date (idempotent)')
    .requiredOption('--as-of <date>', 'the reorganisation date, e.g. 2025-07-01')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        await ensureData(db);
        const started = performance.now();
        const r = await openHandovers(db, cliContext(), parseIsoDate(o.asOf, '--as-of'));
        const ms = Math.round(performance.now() - started);
        if (o.json) printJson({ ...r, milliseconds: ms });
        else {
          console.log(
            `Đã mở / opened ${r.opened} bàn giao / handovers (tổng / total ${r.total}) ngày / on ${r.asOf} trong / in ${ms} ms`,
          );
          printTable(
            r.levels.map((l) => ({
              cấp: `${LEVEL_NAMES[l.level]?.vi ?? l.level} / ${l.levelName}`,
              'mới mở / opened': l.opened,
              'tổng / total': l.total,
              'bên nhận / receivers': l.receivers,
              'không có bên nhận / without receiver': l.withoutReceiver,
            })),
          );
          if (r.endedWithoutHandover > 0)
            console.log(
              `Cảnh báo / warning: ${r.endedWithoutHandover} đơn vị hết hiệu lực chưa có bàn giao / ended units without a handover`,
            );
        }
      }),
    );

  h.command('status')
    .description('Handovers and their lines by level and state, with outstanding lines (computed)')
    .option('--province <code>', 'the two-digit code of a province in force, e.g. 01')
    .option('--idle-months <n>', 'warn about former headquarters idle for more than this many months', '12')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const q = { province: o.province, idleMonths: positiveId(o.idleMonths) };
        const r = await handoverStatus(db, cliContext(), q);
        // The dashboard's figures come from the maintained rollups (rollups.store.ts), not from the lines.
        const d = await handoverDashboard(db, cliContext(), q);
        if (o.json) printJson({ ...r, dashboard: d });
        else {
          printDashboard(d);
          console.log(
            `${r.province ? `Tỉnh / province ${r.province}: ` : ''}${r.handovers} bàn giao / handovers, ${r.lines} dòng / lines, ${r.outstanding} dòng chưa nhận đủ / outstanding`,
          );
          if (r.idleHeadquarters.count > 0)
            console.log(
              `Cảnh báo / warning: ${r.idleHeadquarters.count} trụ sở cũ bỏ trống quá ${r.idleHeadquarters.months} tháng chưa thực hiện xong phương án sử dụng / former headquarters idle over ${r.idleHeadquarters.months} months, use plan not carried out`,
            );
          printTable(
            r.rows.map((x) => ({
              cấp: LEVEL_NAMES[x.level]?.key ?? x.level,
              'trạng thái / state': x.state,
              'bàn giao / handovers': x.handovers,
              'dòng / lines': x.lines,
              'chưa nhận đủ / outstanding': x.outstanding,
            })),
          );
        }
      }),
    );

  h.command('import')
    .description(
      'Import inventory lines (.xlsx or CSV, data/handover/README.md) into a draft: all or nothing; exit 2 lists every bad row',
    )
    .argument('<file>')
    .requiredOption('--handover <id>', 'the handover (draft) the lines belong to')
    .option('--dry-run', 'check everything, save nothing', false)
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        const started = performance.now();
        const read = await readInventoryFile(fs.readFileSync(file));
        try {
          const r = await importLines(db, cliContext(), positiveId(o.handover), read, {
            dryRun: Boolean(o.dryRun),
            source: path.basename(file),
          });
          const ms = Math.round(performance.now() - started);
          if (o.json) printJson({ ...r, milliseconds: ms });
          else
            console.log(
              `${r.dryRun ? 'Kiểm tra (chưa lưu) / checked, not saved' : 'Đã nhập / imported'}: ${r.rows} dòng / lines vào bàn giao số / into handover ${r.handoverId} (${Object.entries(
                r.kinds,
              )
                .map(([k, n]) => `${k} ${n}`)
                .join(', ')}) trong / in ${ms} ms`,
            );
        } catch (err) {
          if (!o.json && err instanceof AppError && Array.isArray(err.extra.rows))
            for (const p of err.extra.rows as { row: number; reasons: { vi: string; en: string }[] }[])
              console.error(
                `  dòng / row ${p.row}: ${p.reasons.map((x) => x.vi).join('; ')}\n      ${p.reasons.map((x) => x.en).join('; ')}`,
              );
          throw err;
        }
      }),
    );

  h.command('check')
    .description(
      'Anomalies: receivers that are not successors, seals surrendered without receipt, signed with outstanding lines…',
    )
    .option('--limit <n>', 'rows listed per anomaly', '100')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const r = await checkHandovers(db, cliContext(), positiveId(o.limit));
        if (o.json) printJson(r);
        else {
          console.log(`${r.total} bất thường / anomalies`);
          for (const a of r.anomalies) {
            console.log(`- ${a.count} × ${a.message.vi} / ${a.message.en}`);
            for (const x of a.rows.slice(0, 10))
              console.log(
                `    bàn giao / handover ${x.handoverId}${x.lineId ? `, dòng / line ${x.lineId}` : ''}${x.note ? `: ${x.note}` : ''}`,
              );
          }
        }
        if (r.total > 0) process.exitCode = 3;
      }),
    );

  h.command('minutes')
    .description('Write the minutes of a handover as a Word file: the stored version, or drawn up now once counted')
    .argument('<id>')
    .requiredOption('--out <file>', 'where to write the .docx')
    .option('--version <n>', 'a stored version (default: the latest)')
    .option('--json', 'JSON output', false)
    .action((id: string, o) =>
      withDb(o.json, async ({ db }) => {
        const ctx = cliContext();
        const hid = positiveId(id);
        const h = await getHandover(db, ctx, hid);
        const current = h.minutes.find((m) => m.version === h.version);
        // A counted handover without minutes of its current version gets them drawn up (and stored) now.
        if (!o.version && !current && h.state === 'counted') await makeMinutes(db, ctx, hid);
        const f = await minutesFile(db, ctx, hid, o.version ? positiveId(o.version) : undefined);
        fs.writeFileSync(o.out, f.content);
        const out = { handoverId: hid, file: o.out, bytes: f.content.length, sha256: f.sha256 };
        if (o.json) printJson(out);
        else console.log(`${o.out}: ${out.bytes} bytes, SHA-256 ${out.sha256}`);
      }),
    );

  h.command('verify')
    .description('Is this file signed handover minutes, and of which handover? (by its SHA-256)')
    .argument('<file>')
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        const r = await verify(db, cliContext(), sha256(fs.readFileSync(file)));
        if (o.json) printJson(r);
        else if (!r.match)
          console.log(
            `Không phải biên bản bàn giao đã lưu / not stored handover minutes (SHA-256 ${r.documentSha256})`,
          );
        else
          console.log(
            [
              `Biên bản ${r.number} của bàn giao số ${r.handoverId} (${r.fromUnit}), phiên bản ${r.version} / minutes ${r.number} of handover ${r.handoverId}, version ${r.version}`,
              r.signedByBoth
                ? 'Đã có chữ ký của cả hai bên / signed by both sides'
                : 'CHƯA đủ chữ ký / NOT signed by both sides',
              r.superseded
                ? 'Đã có phiên bản đính chính mới hơn / superseded by a correcting version'
                : 'Là phiên bản hiện hành / the current version',
              r.linesUnchanged
                ? 'Danh mục không đổi từ khi lập / lines unchanged since'
                : 'Danh mục đã thay đổi sau khi lập / lines changed since',
            ].join('\n'),
          );
        if (!r.match || !r.signedByBoth) process.exitCode = 3;
      }),
    );
}
