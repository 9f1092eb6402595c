// `npm run bench`: the unit registry at national scale, on PGlite and (when
// reachable) PostgreSQL side by side, each against a naive baseline measured
// in the same run. Writes bench/results/units.json and prints a Markdown table
// for BENCHMARKS.md.
import fs from 'node:fs';
import { sql } from 'kysely';
import { type DatabaseHandle, type Engine } from '../src/platform/db/db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { systemContext } from '../src/platform/context.ts';
import { importVn } from '../src/units/import/import.service.ts';
import { tree } from '../src/units/registry/registry.service.ts';
import { publicLookup } from '../src/units/lookup/lookup.service.ts';
import { parseLookupQuery } from '../src/units/lookup/lookup.parse.ts';
import { foldVietnamese } from '../src/units/vn/vn-text.ts';
import { restructuring } from '../src/units/restructuring/restructuring.service.ts';
import { VN_DATA_DIR } from '../src/cli/demo.ts';
import { availableEngines, machineDescription, openFresh } from './databases.ts';
import { measure, once } from './measure.ts';

const ctx = systemContext('bench');

/**
 * Lookup queries a citizen would type: old commune names without diacritics, with the district, with
 * a type word (sometimes the wrong one), and as a written address with street, district and province.
 */
async function lookupQueries(h: DatabaseHandle, n: number): Promise<string[]> {
  const rows = await sql<{
    name: string;
    full_name: string;
    district: string;
    district_full: string;
    province: string;
  }>`
    select u.name, u.full_name, p.name as district, p.full_name as district_full, pp.full_name as province
      from units u join units p on p.id = u.parent_id join units pp on pp.id = p.parent_id
     where u.level = 3 and u.valid_to is not null order by md5(u.key) limit ${n}`.execute(h.db);
  return rows.rows.map(
    (r, i) =>
      [
        foldVietnamese(r.name),
        `${r.name} ${r.district}`,
        `xã ${r.name}`,
        `số 12 đường Lê Lợi, ${r.full_name}, ${r.district_full}, ${r.province}`,
      ][i % 4],
  );
}

async function benchEngine(engine: Engine) {
  const h = await openFresh(engine);
  try {
    await migrate(h.db);
    const importMs = await once(() => importVn(h.db, ctx, VN_DATA_DIR));
    const reimportMs = await once(() => importVn(h.db, ctx, VN_DATA_DIR, { force: true }));
    const provinces = (await sql<{ id: number }>`select id from units where level = 1`.execute(h.db)).rows.map(
      (r) => r.id,
    );
    const dates = ['2025-06-30', '2025-07-01'];
    const treeTiming = await measure(200, (i) => tree(h.db, ctx, provinces[i % provinces.length], dates[i % 2]));
    const queries = await lookupQueries(h, 300);
    const lookupTiming = await measure(queries.length, (i) => publicLookup(h.db, queries[i], 10, '2026-01-01'));
    // Baseline: the same token match without the trigram index (what a plain LIKE scan costs).
    const baseline = await measure(60, async (i) => {
      const tokens = parseLookupQuery(queries[i]).tokens.map((t) => t.folded);
      await sql`select id from units where ${sql.join(
        tokens.map((t) => sql`lower(full_name || ' ' || coalesce(name_en, '')) like ${'%' + t + '%'}`),
        sql` and `,
      )} limit 10`.execute(h.db);
    });
    const statsTiming = await measure(30, () => restructuring(h.db, '2025-06-30', '2025-07-01'), 3);
    return {
      engine,
      importMs,
      reimportMs,
      tree: treeTiming,
      lookup: lookupTiming,
      lookupBaselineScan: baseline,
      restructuring: statsTiming,
    };
  } finally {
    await h.drop();
  }
}

const engines: Engine[] = await availableEngines();
const machine = machineDescription();
const results: Awaited<ReturnType<typeof benchEngine>>[] = [];
for (const e of engines) {
  console.error(`benchmarking ${e} …`);
  results.push(await benchEngine(e));
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(
  'bench/results/units.json',
  JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2),
);

const row = (label: string, f: (r: (typeof results)[number]) => string) =>
  `| ${label} | ${results.map(f).join(' | ')} |`;
console.log(`Machine: ${machine}\n`);
console.log(`| measure | ${results.map((r) => r.engine).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|`);
console.log(row('full Vietnam import (ms)', (r) => String(r.importMs)));
console.log(row('forced re-import, same rows (ms)', (r) => String(r.reimportMs)));
console.log(row('tree as of a date, p50 / p95 (ms)', (r) => `${r.tree.p50} / ${r.tree.p95}`));
console.log(
  row(
    'public lookup (folded name, name + district, "xã …", written address), p50 / p95 (ms)',
    (r) => `${r.lookup.p50} / ${r.lookup.p95}`,
  ),
);
console.log(
  row(
    'baseline: LIKE scan without index, p50 / p95 (ms)',
    (r) => `${r.lookupBaselineScan.p50} / ${r.lookupBaselineScan.p95}`,
  ),
);
console.log(row('restructuring statistics, p50 / p95 (ms)', (r) => `${r.restructuring.p50} / ${r.restructuring.p95}`));
