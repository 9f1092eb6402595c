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
import { once } from './measure.ts';

const ctx = systemContext('bench');
const LINES = Number(process.env.BENCH_MINUTES_LINES ?? 5000);

async function run(engine: Engine) {
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
    return { engine, opened, openMs, againMs, naiveMs, minutesMs, minutesLines: LINES, minutesBytes: bytes };
  } finally {
    await h.drop();
  }
}

const results = [];
const machine = machineDescription();
for (const engine of await availableEngines()) {
  const r = await run(engine);
  console.log(JSON.stringify(r));
  results.push(r);
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(
  'bench/results/handover.json',
  JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2),
);
console.log(machine);
