// Routing against the real registry: EVERY one of the 10,035 old communes of the official files, given as it was
// (its code, on a day before the 1 July 2025 reform) in a submission made after it, reaches the unit the
// official conversion table says it became: its one successor, or — when the files split it between several new
// communes — the new province they lie in, which forwards it. The oracle is the files (loadVnDataset), not the
// registry the router reads. Province-level categories reach that new province. A sample goes through the whole
// submission (code on the event day; address in old words).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { VN_DATA_DIR } from '../../cli/demo.ts';
import { importVn } from '../../units/import/import.service.ts';
import { loadVnDataset } from '../../units/vn/vn-dataset.ts';
import { routeMany } from './feedback.routing.ts';
import { submit } from './feedback.service.ts';
import { feedbackSettings } from './feedback.settings.ts';

const SUBMITTED = '2026-03-02';
const HAPPENED = '2025-06-30';

describe.each(ENGINES)('feedback routing over the real registry on %s', (engine) => {
  let t: TestDb;
  const dataset = loadVnDataset(VN_DATA_DIR);
  const byKey = new Map(dataset.units.map((u) => [u.key, u]));
  let ids: Map<string, number>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, systemContext('test'), VN_DATA_DIR);
    ids = new Map((await t.db.selectFrom('units').select(['id', 'key']).execute()).map((u) => [u.key, u.id]));
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** The files' successors of each old commune (unit keys), and what routing must give. */
  function expectations() {
    const successors = new Map<string, Set<string>>();
    for (const e of dataset.events)
      for (const l of e.links) {
        const set = successors.get(l.fromKey) ?? new Set<string>();
        set.add(l.toKey);
        successors.set(l.fromKey, set);
      }
    const communes = dataset.units.filter((u) => u.era === 'old' && u.level === 3);
    return communes.map((c) => {
      const next = [...(successors.get(c.key) ?? [])].filter((k) => byKey.get(k)?.era === 'new');
      const provinces = [...new Set(next.map((k) => byKey.get(k)!.parentKey!))];
      const commune = next.length === 1 ? next[0] : provinces.length === 1 ? provinces[0] : null;
      return { c, next, provinces, commune };
    });
  }

  it('routes every old commune to its successor, or a split one to its new province', async () => {
    const cases = expectations();
    expect(cases).toHaveLength(10035);
    const start = cases.map((x) => ids.get(x.c.key)!);
    const [communeLevel, provinceLevel] = await Promise.all([
      routeMany(t.db, start, 'commune', SUBMITTED),
      routeMany(t.db, start, 'province', SUBMITTED),
    ]);
    const wrong: string[] = [];
    let splits = 0;
    for (const x of cases) {
      const id = ids.get(x.c.key)!;
      const got = communeLevel.get(id);
      if (x.next.length > 1) splits++;
      if (!x.commune || got?.unitId !== ids.get(x.commune))
        wrong.push(`${x.c.fullName} (${x.c.code}): got ${got?.unitId} (${got?.reason}), files say ${x.next.join('|')}`);
      if (x.provinces.length === 1 && provinceLevel.get(id)?.unitId !== ids.get(x.provinces[0]))
        wrong.push(`${x.c.fullName} (${x.c.code}) at province level: got ${provinceLevel.get(id)?.unitId}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    console.info(
      `feedback routing on ${engine}: ${cases.length} old communes, ${splits} split between several new communes`,
    );
  });

  it('submits about old communes, by code on the day it happened and by address in old words', async () => {
    const s = feedbackSettings({ today: () => SUBMITTED, submitsPerHour: 100_000 });
    const ctx: RequestContext = { user: null, actorLabel: 'anonymous', ip: null, userAgent: null, via: 'anonymous' };
    const cases = expectations().filter((x) => x.commune);
    const wrong: string[] = [];
    // One in forty (about 250): the whole submission is slower than the router alone.
    for (const x of cases.filter((_, i) => i % 40 === 0)) {
      const want = ids.get(x.commune!)!;
      const byCode = await submit(
        t.db,
        ctx,
        {
          category: 'reorganisation',
          title: 'Hồ sơ xã cũ',
          description: 'Tôi cần bản sao giấy tờ của xã cũ.',
          unitCode: x.c.code,
          occurredOn: HAPPENED,
          privacy: 'public',
        },
        s,
      );
      if (byCode.located.id !== ids.get(x.c.key) || byCode.unit.id !== want)
        wrong.push(`${x.c.fullName} by code: ${byCode.located.name} → ${byCode.unit.name}`);
    }
    for (const x of cases.filter((_, i) => i % 400 === 7)) {
      const district = byKey.get(x.c.parentKey!)!;
      const province = byKey.get(district.parentKey!)!;
      const address = `${x.c.fullName}, ${district.fullName}, ${province.fullName}`;
      const r = await submit(
        t.db,
        ctx,
        {
          category: 'reorganisation',
          title: 'Hồ sơ xã cũ',
          description: 'Tôi cần bản sao giấy tờ của xã cũ.',
          address,
          occurredOn: HAPPENED,
          privacy: 'public',
        },
        s,
      );
      if (r.unit.id !== ids.get(x.commune!)) wrong.push(`${address}: read as ${r.located.name} → ${r.unit.name}`);
    }
    expect(wrong).toEqual([]);
  });
});
