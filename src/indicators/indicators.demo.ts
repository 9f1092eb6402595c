// Demo content (demo mode only): the national targets and 2025 baselines of the 2026–2030 program (official,
// from data/indicators, through `loadNational`, itself idempotent), then ILLUSTRATIVE provincial figures
// ("minh họa" in their source): Hà Nội's GRDP and growth for 2025 entered by its own officer (reported,
// awaiting the level above), of which 2025 GRDP is accepted; and a 2022–2025 GRDP series for Tuyên Quang,
// merged on 1 July 2025 with Hà Giang, entered for the two old provinces before 2025 so the rebuild of the
// new province's past shows. Idempotent: nothing illustrative is written once a demo figure exists.
import type { Db } from '../platform/db/db.ts';
import { systemContext, type RequestContext } from '../platform/context.ts';
import { loadNational } from './targets/targets.service.ts';
import { acceptValue, recordValue } from './values/values.service.ts';
import type { ValueInput } from './values/values.schemas.ts';

export const INDICATORS_DEMO_SOURCE = 'Số liệu minh họa, không phải số liệu chính thức / ILLUSTRATIVE, not official';

/** Old Hà Giang (02) and old Tuyên Quang (08) before the merger, the new Tuyên Quang (08) after: GRDP, billion VND. */
const MERGED_SERIES: [string, string, string][] = [
  ['02', '2022', '33500'],
  ['08', '2022', '48600'],
  ['02', '2023', '36100'],
  ['08', '2023', '52900'],
  ['02', '2024', '39200'],
  ['08', '2024', '57800'],
  ['08', '2025', '104500'],
];

/** The demo officer of a province, as the services see a signed-in caller (so what they enter awaits review). */
async function officerContext(db: Db, username: string): Promise<RequestContext | null> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!u) return null;
  const grants = await db
    .selectFrom('grants as g')
    .innerJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', 'un.name'])
    .where('g.user_id', '=', u.id)
    .execute();
  return {
    user: {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      grants: grants.map((g) => ({ role: g.role as never, unitId: g.unit_id, unitName: g.name })),
    },
    actorLabel: `${u.username} (demo)`,
    ip: null,
    userAgent: null,
    via: 'session', // as signed in: a system caller's figures would enter accepted
  };
}

export async function loadIndicatorsDemo(db: Db) {
  const ctx = systemContext('system:demo');
  // loadNational adds no definition, target, baseline or audit row a second time: safe to run on every start.
  const national = await loadNational(db, ctx);
  const done = await db
    .selectFrom('indicator_values')
    .select('id')
    .where('source', '=', INDICATORS_DEMO_SOURCE)
    .executeTakeFirst();
  if (done) return { national, recorded: 0, accepted: 0 };
  const figure = (unit: string, period: string, indicator: string, value: string): ValueInput => ({
    indicator,
    unit,
    period,
    value,
    status: 'provisional',
    source: INDICATORS_DEMO_SOURCE,
    known_from: `${Number(period) + 1}-02-15`,
    note: 'Minh họa / illustrative',
  });
  let recorded = 0,
    accepted = 0;
  // The merged series needs the two old provinces (the full registry has them; a test's small one may not).
  const merged = await db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 1)
    .where('code', '=', '02')
    .executeTakeFirst();
  for (const [unit, period, value] of merged ? MERGED_SERIES : []) {
    await recordValue(db, ctx, figure(unit, period, 'GRDP', value)); // entered centrally: accepted as entered
    recorded++;
  }
  const hanoi = await officerContext(db, 'demo-hanoi');
  if (hanoi) {
    const grdp = await recordValue(db, hanoi, figure('01', '2025', 'GRDP', '1590000'));
    await recordValue(db, hanoi, figure('01', '2025', 'GRDP_GROWTH', '8.16'));
    recorded += 2;
    await acceptValue(db, ctx, grdp.id);
    accepted++;
  }
  return { national, recorded, accepted };
}
