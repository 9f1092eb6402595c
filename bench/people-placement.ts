// Placement write with the quota check (issue 12's target: p95 ≤ 5 ms), on each engine: one person placed into
// a ward, the ward's quota row locked, the placements since its last headcount counted, the outcome and its audit
// row written, in one transaction. The ward already holds `PLACED` placements, so the count reads a real index.
// Run: npx tsx bench/people-placement.ts [pglite|postgres ...]
import { migrate } from '../src/platform/db/migrate.ts';
import { systemContext } from '../src/platform/context.ts';
import type { Engine } from '../src/platform/db/db.ts';
import { seedMiniRegistry } from '../src/units/units.fixtures.ts';
import { allocate, createPeriod } from '../src/staffing/quotas/quotas.service.ts';
import { readRegisterFile } from '../src/people/register/register.sheet.ts';
import { importRegister } from '../src/people/register/register.service.ts';
import { recordOutcome } from '../src/people/outcomes/outcomes.service.ts';
import { OutcomeBody } from '../src/people/outcomes/outcomes.schemas.ts';
import { personCells, registerWorkbook } from '../src/people/people.testing.ts';
import { availableEngines, machineDescription, openFresh } from './databases.ts';
import { measure } from './measure.ts';

const PEOPLE = 3000;
const RUNS = 1000;
const ctx = systemContext('bench');

async function benchEngine(engine: Engine) {
  const h = await openFresh(engine);
  try {
    await migrate(h.db);
    const u = await seedMiniRegistry(h.db);
    await createPeriod(h.db, ctx, { code: '2025-2030', name: 'bench', startDate: '2025-01-01', endDate: '2031-01-01' });
    for (const [unitId, quota] of [
      [u.vn, 1_000_000],
      [u.hanoi, 500_000],
      [u.baDinh, 100_000],
    ] as const)
      await allocate(h.db, ctx, { period: '2025-2030', category: 'commune_cadre', unitId, quota });
    const cells = Array.from({ length: PEOPLE }, (_, i) => personCells(i + 1));
    await importRegister(h.db, ctx, await readRegisterFile(await registerWorkbook(cells)), {
      unitId: u.hanoi,
      dryRun: false,
      source: 'bench',
    });
    const ids = (await h.db.selectFrom('people').select('id').orderBy('id').execute()).map((r) => r.id);
    const body = OutcomeBody.parse({
      kind: 'placed',
      receivingUnitId: u.baDinh,
      receivingPosition: 'Chuyên viên',
      startDate: '2025-08-01',
      decisionNumber: '1/QĐ',
      decisionDate: '2025-07-15',
      decisionSigner: 'Chủ tịch',
    });
    // The first half placed beforehand, so every measured write counts ~1,500 earlier placements.
    for (const id of ids.slice(0, PEOPLE / 2)) await recordOutcome(h.db, ctx, id, body);
    const t = await measure(RUNS, (i) => recordOutcome(h.db, ctx, ids[PEOPLE / 2 + (i % (PEOPLE / 2))], body));
    return { engine, ...t };
  } finally {
    await h.drop();
  }
}

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['pglite', 'postgres'];
const engines = (await availableEngines()).filter((e) => wanted.includes(e));
console.log(machineDescription());
console.log('| placement with quota check (ms) | n | p50 | p95 | max |');
console.log('|---|---|---|---|---|');
for (const e of engines) {
  const r = await benchEngine(e);
  console.log(`| ${r.engine} | ${r.n} | ${r.p50} | ${r.p95} | ${r.max} |`);
}
