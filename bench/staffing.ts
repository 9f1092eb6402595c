// Staffing-quota benchmark at national scale, PGlite and PostgreSQL side by
// side: the real registry (34 provinces, 3,321 communes and their agencies)
// plus synthetic departments, ≈ 40,000 allocation nodes holding ≈ 2.3 million
// positions. Measures an allocation write with its invariant check (the full
// service path: node lookup, parent row lock, checks, update, audit), the same
// by a signed-in officer (scope check), headcount writes alone and eight at once,
// the national and province rollups (maintained columns), and the same rollup by
// a full subtree scan as the baseline. Writes bench/results/staffing.json.
// The departments and their quotas are synthetic: they give the tree its size, not real figures.
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { type DatabaseHandle, type Engine } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { systemContext } from '../src/platform/context.ts';
import { importVn } from '../src/units/import/import.service.ts';
import { VN_DATA_DIR } from '../src/cli/demo.ts';
import { allocate, createPeriod } from '../src/staffing/quotas/quotas.service.ts';
import { recordPresent } from '../src/staffing/headcount/headcount.service.ts';
import { officer } from '../src/staffing/staffing.fixtures.ts';
import { rollup } from '../src/staffing/reports/reports.rollup.ts';
import { AppError } from '../src/platform/errors.ts';
import { availableEngines, machineDescription, openFresh } from './databases.ts';
import { measure, once, type Timing } from './measure.ts';

const ctx = systemContext('bench');
const P = '2022-2026';
const CAT = 'cadre_civil_servant';
const WRITES = Number(process.env.BENCH_WRITES ?? 300);

interface N {
  id: number;
  parent: number | null;
  depth: number;
  quota: number;
  reserve: number;
  below: number;
  present: number;
  presentBelow: number;
}

/** Builds the tree in bulk (SQL), then computes consistent quotas bottom-up in JS and inserts them. */
export async function buildTree(h: DatabaseHandle) {
  const db = h.db;
  await sql`insert into agencies (key, unit_id, kind, name, source)
    select 'bench:' || u.id || ':d' || g, u.id, 'department', 'Phòng ' || g || ' (synthetic)', 'bench'
      from units u cross join generate_series(1, case when u.level = 1 then 20 else 7 end) g
     where u.level in (1, 3) and u.valid_to is null`.execute(db);
  await createPeriod(db, ctx, { code: P, name: 'bench', startDate: '2022-01-01', endDate: '2027-01-01' });
  const period = (await db.selectFrom('staffing_periods').select('id').where('code', '=', P).executeTakeFirstOrThrow())
    .id;
  await sql`insert into staffing_nodes (period_id, key, parent_id, unit_id, agency_id, depth)
    select ${period}, 'u:' || id, null, id, null, 0 from units where level = 0`.execute(db);
  await sql`insert into staffing_nodes (period_id, key, parent_id, unit_id, agency_id, depth)
    select ${period}, 'u:' || u.id, r.id, u.id, null, 1 from units u, staffing_nodes r where u.level = 1 and u.valid_to is null and r.depth = 0`.execute(
    db,
  );
  await sql`insert into staffing_nodes (period_id, key, parent_id, unit_id, agency_id, depth)
    select ${period}, 'u:' || u.id, p.id, u.id, null, 2 from units u join staffing_nodes p on p.key = 'u:' || u.parent_id
     where u.level = 3 and u.valid_to is null`.execute(db);
  await sql`insert into staffing_nodes (period_id, key, parent_id, unit_id, agency_id, depth)
    select ${period}, 'a:' || a.id, n.id, a.unit_id, a.id, n.depth + 1 from agencies a join staffing_nodes n on n.key = 'u:' || a.unit_id
     where a.valid_to is null`.execute(db);
  const rows = await db
    .selectFrom('staffing_nodes')
    .select(['id', 'parent_id', 'depth'])
    .orderBy('depth', 'desc')
    .execute();
  const nodes = new Map<number, N>(
    rows.map((r) => [
      r.id,
      { id: r.id, parent: r.parent_id, depth: r.depth, quota: 0, reserve: 0, below: 0, present: 0, presentBelow: 0 },
    ]),
  );
  const hasChildren = new Set(rows.map((r) => r.parent_id));
  for (const r of rows) {
    // deepest first: children are done before their parent
    const n = nodes.get(r.id)!;
    if (!hasChildren.has(n.id)) {
      n.quota = 45 + (n.id % 31);
      n.present = n.quota - (n.id % 4);
    } else {
      n.reserve = n.depth === 0 ? 10_100 : 2;
      n.quota = n.below + n.reserve + 3;
    }
    n.presentBelow += n.present;
    if (n.parent !== null) {
      const p = nodes.get(n.parent)!;
      p.below += n.quota;
      p.presentBelow += n.presentBelow;
    }
  }
  const all = [...nodes.values()];
  for (let i = 0; i < all.length; i += 2000) {
    await db
      .insertInto('staffing_allocations')
      .values(
        all.slice(i, i + 2000).map((n) => ({
          node_id: n.id,
          category: CAT,
          quota: n.quota,
          reserve: n.reserve,
          allocated_below: n.below,
          present: n.present || null,
          present_as_of: n.present ? '2026-03-31' : null,
          present_below: n.presentBelow,
          updated_at: new Date(),
        })),
      )
      .execute();
  }
  await sql`analyze`.execute(db);
  const root = all.find((n) => n.depth === 0)!;
  return { nodes: all.length, positions: root.quota };
}

/** `writers` loops at once, each over the leaves of its own provinces, `total` calls in all: per-call latency and calls per second. */
async function concurrently<L extends { province_id: number }>(
  writers: number,
  total: number,
  leaves: L[],
  fn: (l: L, i: number) => Promise<unknown>,
) {
  const provinceIds = [...new Set(leaves.map((l) => l.province_id))];
  const lanes = Array.from({ length: writers }, (_, w) =>
    leaves.filter((l) => provinceIds.indexOf(l.province_id) % writers === w),
  );
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane, w) => {
      for (let i = 0; i < Math.floor(total / writers); i++) {
        const t = performance.now();
        await fn(lane[i % lane.length], i + w);
        times.push(performance.now() - t);
      }
    }),
  );
  const ms = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 100) / 100;
  return {
    n: times.length,
    p50: at(0.5),
    p95: at(0.95),
    max: at(1),
    mean: Math.round((ms / times.length) * 100) / 100,
    perSecond: Math.round(times.length / (ms / 1000)),
  } satisfies Timing & { perSecond: number };
}

async function benchEngine(engine: Engine) {
  const h = await openFresh(engine);
  try {
    await migrate(h.db);
    await importVn(h.db, ctx, VN_DATA_DIR);
    let size = { nodes: 0, positions: 0 };
    const buildMs = await once(async () => {
      size = await buildTree(h);
    });
    const leaves = await sql<{
      node_id: number;
      unit_id: number;
      agency_id: number;
      quota: number;
      province_id: number;
    }>`select n.id as node_id, n.unit_id, n.agency_id, a.quota, u.parent_id as province_id
      from staffing_nodes n join staffing_allocations a on a.node_id = n.id join units u on u.id = n.unit_id
      where n.agency_id is not null and n.depth = 3 order by md5(n.id::text) limit 400`.execute(h.db);
    const provinces = (
      await sql<{ id: number }>`select id from units where level = 1 and valid_to is null order by code`.execute(h.db)
    ).rows.map((r) => r.id);
    // Each write moves one leaf by ±1 around its starting quota: always within its commune's slack of 3.
    const write = await measure(WRITES, (i) => {
      const l = leaves.rows[i % leaves.rows.length];
      return allocate(h.db, ctx, {
        period: P,
        category: CAT,
        agencyId: l.agency_id,
        quota: l.quota + (Math.floor(i / leaves.rows.length) % 2 ? 0 : 1),
      });
    });
    // The same write by a signed-in province officer: the scope check (the commune within the officer's province) included.
    const officerWrite = await measure(WRITES, (i) => {
      const l = leaves.rows[i % leaves.rows.length];
      return allocate(h.db, officer('province_officer', l.province_id), {
        period: P,
        category: CAT,
        agencyId: l.agency_id,
        quota: l.quota + (i % 2),
      });
    });
    // Headcount: each write adds to present_below of the commune, the province and the country.
    const present = await measure(WRITES, (i) => {
      const l = leaves.rows[i % leaves.rows.length];
      return recordPresent(h.db, ctx, {
        period: P,
        category: CAT,
        agencyId: l.agency_id,
        asOf: '2026-06-30',
        present: l.quota - 2 + (i % 2),
      });
    });
    // Eight writers at once, each in its own provinces: they all meet on the country's row.
    const presentConcurrent = await concurrently(8, WRITES * 2, leaves.rows, (l, i) =>
      recordPresent(h.db, ctx, {
        period: P,
        category: CAT,
        agencyId: l.agency_id,
        asOf: '2026-07-31',
        present: l.quota - 3 + (i % 2),
      }),
    );
    // Floor: one transaction that updates one allocation row, no checks, no audit (what the machine's disk and load allow).
    const floor = await measure(WRITES, (i) =>
      h.db.transaction().execute((trx) =>
        sql`update staffing_allocations set updated_at = now()
      where node_id = ${leaves.rows[i % leaves.rows.length].node_id} and category = ${CAT}`.execute(trx),
      ),
    );
    const refused = await measure(100, async (i) => {
      const l = leaves.rows[i % leaves.rows.length];
      try {
        await allocate(h.db, ctx, { period: P, category: CAT, agencyId: l.agency_id, quota: l.quota + 1000 });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
      }
    });
    const national = await measure(200, () => rollup(h.db, ctx, P));
    const province = await measure(200, (i) => rollup(h.db, ctx, P, provinces[i % provinces.length]));
    // Baseline: the province figure summed over its whole subtree at read time, as a rollup without maintained columns would.
    const scan = await measure(
      50,
      (i) =>
        sql`with recursive sub(id) as (select id from staffing_nodes where key = ${'u:' + provinces[i % provinces.length]}
        union all select n.id from staffing_nodes n join sub on n.parent_id = sub.id)
      select sum(a.present) as present, sum(a.quota) filter (where n.agency_id is not null) as leaf_quota
        from sub join staffing_nodes n on n.id = sub.id join staffing_allocations a on a.node_id = sub.id`.execute(
          h.db,
        ),
      5,
    );
    const nationalScan = await measure(10, () => sql`select sum(present) from staffing_allocations`.execute(h.db), 2);
    // The maintained columns must still equal a recount after all the writes.
    const drift = await sql<{ n: number }>`select count(*)::int as n from staffing_allocations a
      where a.allocated_below <> coalesce((select sum(c.quota) from staffing_nodes cn join staffing_allocations c on c.node_id = cn.id and c.category = a.category
        where cn.parent_id = a.node_id and cn.closed_at is null), 0) or a.allocated_below + a.reserve > a.quota`.execute(
      h.db,
    );
    return {
      engine,
      ...size,
      buildMs,
      write,
      officerWrite,
      present,
      presentConcurrent,
      floor,
      refused,
      national,
      province,
      provinceScanBaseline: scan,
      nationalScanBaseline: nationalScan,
      invariantViolations: drift.rows[0].n,
    };
  } finally {
    await h.drop();
  }
}

async function main() {
  // Knobs for iterating: BENCH_ENGINES=postgres (or pglite), BENCH_WRITES=100 (writes measured, default 300).
  const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
  const engines: Engine[] = (await availableEngines()).filter((e) => wanted.includes(e));
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  const machine = `${machineDescription()} at start`;
  const results: Awaited<ReturnType<typeof benchEngine>>[] = [];
  for (const e of engines) {
    console.error(`benchmarking staffing on ${e} …`);
    results.push(await benchEngine(e));
  }
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(
    'bench/results/staffing.json',
    JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2),
  );

  const row = (label: string, f: (r: (typeof results)[number]) => string) =>
    `| ${label} | ${results.map(f).join(' | ')} |`;
  const t = (x: { p50: number; p95: number }) => `${x.p50} / ${x.p95}`;
  console.log(`Machine: ${machine}, at end ${load()}\n`);
  console.log(`| staffing measure | ${results.map((r) => r.engine).join(' | ')} |`);
  console.log(`|---|${results.map(() => '---').join('|')}|`);
  console.log(
    row(
      'allocation nodes / positions',
      (r) => `${r.nodes.toLocaleString('en-US')} / ${r.positions.toLocaleString('en-US')}`,
    ),
  );
  console.log(row('building the tree (ms)', (r) => String(r.buildMs)));
  console.log(row('allocation write with invariant check, p50 / p95 (ms)', (r) => t(r.write)));
  console.log(
    row('the same write by a signed-in province officer (scope check included), p50 / p95 (ms)', (r) =>
      t(r.officerWrite),
    ),
  );
  console.log(row('headcount write (node, commune, province, country), p50 / p95 (ms)', (r) => t(r.present)));
  console.log(
    row(
      'headcount writes, 8 writers in different provinces at once: p50 / p95 (ms), writes/s',
      (r) => `${t(r.presentConcurrent)}, ${r.presentConcurrent.perSecond}`,
    ),
  );
  console.log(row('baseline: bare one-row update transaction, p50 / p95 (ms)', (r) => t(r.floor)));
  console.log(row('refused over-allocation, p50 / p95 (ms)', (r) => t(r.refused)));
  console.log(row('national rollup (34 provinces), p50 / p95 (ms)', (r) => t(r.national)));
  console.log(row('province rollup (its communes and agencies), p50 / p95 (ms)', (r) => t(r.province)));
  console.log(row('baseline: province subtree scan, p50 / p95 (ms)', (r) => t(r.provinceScanBaseline)));
  console.log(row('baseline: national full scan, p50 / p95 (ms)', (r) => t(r.nationalScanBaseline)));
  console.log(row('invariant violations after the run', (r) => String(r.invariantViolations)));
}

// Run as a script; imported (e.g. for profiling), it only exports buildTree.
if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
