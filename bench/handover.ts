// Handover benchmark, PGlite and PostgreSQL side by side, on the real registry: opening every handover
// of 1 July 2025 (10,794 ended units and their receivers) in one transaction, against a naive opening
// measured in the same run (one unit at a time: insert its handover, read its links, insert each
// receiver); and drawing up the minutes of a handover of 5,000 counted lines (Word + both SHA-256).
// The 5,000 lines are synthetic: they give the document its size. Writes bench/results/handover.json.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Engine } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { systemContext } from '../src/platform/context.ts';
import { importVn } from '../src/units/import/import.service.ts';
import { VN_DATA_DIR } from '../src/cli/demo.ts';
import { openHandovers } from '../src/handover/open/open.service.ts';
import { makeMinutes } from '../src/handover/minutes/minutes.service.ts';
import { availableEngines, machineDescription, openFresh } from './databases.ts';
import { measure, once } from './measure.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { dashboard, naiveDashboard, rebuildRollups } from '../src/handover/rollups/rollups.store.ts';
import { COLUMNS } from '../src/handover/sheet/sheet.columns.ts';
import { readInventoryOffLoop } from '../src/handover/sheet/sheet.read.ts';
import { importLines } from '../src/handover/sheet/sheet.service.ts';
import { closeHeavyPool } from '../src/platform/upload/pool.ts';

const ctx = systemContext('bench');
const LINES = Number(process.env.BENCH_MINUTES_LINES ?? 5000);
// Lines spread over every handover for the dashboards (the scale is 5,000,000; set BENCH_DASHBOARD_LINES).
const DASH_LINES = Number(process.env.BENCH_DASHBOARD_LINES ?? 500_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

/** A 100,000-row inventory in the template: dossiers with pages, every tenth a land record. */
async function inventoryFile(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  ws.addRow(COLUMNS.map((c) => c.header));
  const at = new Map(COLUMNS.map((c, i) => [c.header, i]));
  for (let i = 1; i <= rows; i++) {
    const r: (string | number | null)[] = COLUMNS.map(() => null);
    r[0] = i;
    r[at.get('Loại dòng')!] = 'Hồ sơ, tài liệu';
    r[at.get('Tên, tiêu đề')!] = `Hồ sơ số ${i} về quản lý đất đai và xây dựng`;
    r[at.get('Tình trạng')!] = 'Tốt';
    r[at.get('Cấp (Hồ sơ/Văn bản)')!] = 'Hồ sơ';
    r[at.get('Mã hồ sơ')!] = `H${i}`;
    r[at.get('Thời hạn bảo quản (năm/Vĩnh viễn)')!] = 'Vĩnh viễn';
    r[at.get('Số trang')!] = 20 + (i % 80);
    r[at.get('Số trang đã số hóa')!] = i % 3 === 0 ? 20 + (i % 80) : 0;
    r[at.get('Đất đai, dự án đầu tư (x)')!] = i % 10 === 0 ? 'x' : null;
    ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Dashboards from the rollups vs the naive aggregation, and the import of IMPORT_ROWS lines with the loop's delay. */
async function dashboardsAndImport(h: Awaited<ReturnType<typeof openFresh>>, file: Buffer) {
  await sql`insert into handover_lines (handover_id, kind, title, condition, receiver_unit_id, receiver_as,
              pages, pages_digitised, land_or_investment, status, legal_deadline, count_state, details)
    select h.id, (array['record','record','record','seal','asset','business','account'])[1 + g % 7], 'Dòng ' || g, 'good',
           h.province_unit_id, 'province', case when g % 7 < 3 then 10 + g % 90 end, case when g % 7 < 3 then (10 + g % 90) * (g % 2) end,
           g % 10 = 0, case g % 7 when 3 then 'in_use' when 5 then 'open' when 6 then 'in_progress' end,
           case when g % 7 = 5 then date '2025-07-01' + (g % 400) end,
           case when g % 4 = 0 then 'pending' else 'received' end,
           case g % 7 when 0 then '{"level":"dossier"}'::jsonb when 4 then '{"assetKind":"headquarters","idleSince":"2025-07-01"}'::jsonb else '{}'::jsonb end
      from generate_series(1, ${DASH_LINES}) g
      join handovers h on h.id = (select min(id) from handovers) + g % (select count(*) from handovers)`.execute(h.db);
  const rebuildMs = await once(() => rebuildRollups(h.db));
  const province = (
    await sql<{ p: number }>`select province_unit_id as p from handovers where province_unit_id is not null
    group by 1 order by count(*) desc limit 1`.execute(h.db)
  ).rows[0].p;
  const o = { today: '2026-03-01', idleBefore: '2025-09-01' };
  const provinceRollup = await measure(100, () => dashboard(h.db, { ...o, provinceId: province }));
  const nationalRollup = await measure(100, () => dashboard(h.db, { ...o, provinceId: null }));
  const provinceNaive = await measure(10, () => naiveDashboard(h.db, { ...o, provinceId: province }), 2);
  const nationalNaive = await measure(10, () => naiveDashboard(h.db, { ...o, provinceId: null }), 2);
  const same =
    JSON.stringify(await dashboard(h.db, { ...o, provinceId: null })) ===
    JSON.stringify(await naiveDashboard(h.db, { ...o, provinceId: null }));

  // The import: a draft district handover, the file read in the worker pool, then one transaction.
  const hid = (
    await sql<{
      id: number;
    }>`select id from handovers where level = 2 and state = 'draft' order by id desc limit 1`.execute(h.db)
  ).rows[0].id;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let readMs = 0;
  const importMs = await once(async () => {
    const t = performance.now();
    const read = await readInventoryOffLoop(file);
    readMs = Math.round(performance.now() - t);
    await importLines(h.db, ctx, hid, read, { dryRun: false, source: 'bench.xlsx' });
  });
  lag.disable();
  await closeHeavyPool();
  return {
    dashboardLines: DASH_LINES,
    rebuildMs,
    provinceRollup,
    nationalRollup,
    provinceNaive,
    nationalNaive,
    rollupEqualsNaive: same,
    importRows: IMPORT_ROWS,
    importFileBytes: file.length,
    importMs,
    importReadMs: readMs,
    loopDelayP99Ms: Math.round(lag.percentile(99) / 1e4) / 100,
    loopDelayMaxMs: Math.round(lag.max / 1e4) / 100,
  };
}

async function run(engine: Engine, file: Buffer) {
  const h = await openFresh(engine);
  try {
    await migrate(h.db);
    await importVn(h.db, ctx, VN_DATA_DIR);
    // Naive first (then emptied), so both start from the same registry and caches.
    const naiveMs = await once(async () => {
      const ended = await sql<{ id: number; level: number; valid_to: string }>`
        select id, level, valid_to from units where valid_to = '2025-07-01' and level > 0 order by id`.execute(h.db);
      await h.db.transaction().execute(async (trx) => {
        for (const u of ended.rows) {
          const ho = await sql<{ id: number }>`insert into handovers (from_unit_id, effective_date, level)
            values (${u.id}, ${u.valid_to}, ${u.level}) on conflict do nothing returning id`.execute(trx);
          const links = await sql<{
            to_unit_id: number;
          }>`select distinct to_unit_id from lineage_links where from_unit_id = ${u.id}`.execute(trx);
          for (const l of links.rows)
            await sql`insert into handover_receivers (handover_id, unit_id, role) values (${ho.rows[0].id}, ${l.to_unit_id}, 'successor')
              on conflict do nothing`.execute(trx);
        }
      });
    });
    await sql`delete from handovers`.execute(h.db);
    let opened = 0;
    const openMs = await once(async () => {
      opened = (await openHandovers(h.db, ctx, '2025-07-01')).opened;
    });
    const againMs = await once(() => openHandovers(h.db, ctx, '2025-07-01'));

    // A district's handover with LINES counted lines, then its minutes.
    const hid = (await sql<{ id: number }>`select id from handovers where level = 2 order by id limit 1`.execute(h.db))
      .rows[0].id;
    await sql`insert into handover_lines (handover_id, kind, title, condition, location, receiver_unit_id, receiver_as,
                pages, pages_digitised, amount_vnd, count_state, details)
      select ${hid}, case when g % 5 = 0 then 'account' else 'record' end, 'Hồ sơ số ' || g || ' (tổng hợp)', 'good',
             'Kho lưu trữ, giá ' || (g % 40), (select min(unit_id) from handover_receivers where handover_id = ${hid}), 'province_archive',
             case when g % 5 = 0 then null else 10 + g % 90 end, case when g % 5 = 0 then null else (10 + g % 90) / 2 end,
             case when g % 5 = 0 then (g::bigint * 1000003)::numeric else null end,
             case when g % 97 = 0 then 'missing' else 'received' end, '{}'::jsonb
        from generate_series(1, ${LINES}) g`.execute(h.db);
    await sql`update handovers set state = 'counted' where id = ${hid}`.execute(h.db);
    const minutesMs: number[] = [];
    for (let i = 0; i < 3; i++) minutesMs.push(await once(() => makeMinutes(h.db, ctx, hid, '2025-08-15')));
    const bytes = (
      await sql<{
        n: number;
      }>`select length(document)::int as n from handover_minutes where handover_id = ${hid}`.execute(h.db)
    ).rows[0].n;
    const more = await dashboardsAndImport(h, file);
    return { engine, opened, openMs, againMs, naiveMs, minutesMs, minutesLines: LINES, minutesBytes: bytes, ...more };
  } finally {
    await h.drop();
  }
}

const results = [];
const machine = machineDescription();
const file = await inventoryFile(IMPORT_ROWS);
for (const engine of await availableEngines()) {
  const r = await run(engine, file);
  console.log(JSON.stringify(r));
  results.push(r);
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(
  'bench/results/handover.json',
  JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2),
);
console.log(machine);
