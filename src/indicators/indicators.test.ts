// Indicators on the real registry (issue 14, items 1–4): a merged province's series rebuilt by each rule with
// hand-computed figures, a split commune apportioned only with a share, revisions read as known on a date,
// reported vs official, the national targets on their compound path, the all-or-nothing import, and audit.
// Figures for provinces and communes are illustrative (test data), the lineage is the official one:
// the new Phú Thọ (new:p:25) was formed on 1 July 2025 from Hòa Bình (old:p:17), Phú Thọ (old:p:25) and Vĩnh Phúc
// (old:p:26); the new commune Tiền Phong (new:c:04891) from Tiền Phong (old:c:04888) and part of Vầy Nưa
// (old:c:04891, whose other part went to Thống Nhất).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../platform/db/testing.ts';
import { systemContext, type RequestContext, type Role } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { VN_DATA_DIR } from '../cli/demo.ts';
import { importVn } from '../units/import/import.service.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { defineIndicator } from './definitions/definitions.service.ts';
import { acceptValue, recordValue } from './values/values.service.ts';
import { importValues } from './values/values.import.ts';
import { rebuild } from './rebuild/rebuild.api.ts';
import { setShare } from './rebuild/shares.service.ts';
import { loadNational } from './targets/targets.service.ts';
import { importTargets } from './targets/targets.import.ts';
import { indicatorSdmx, indicatorStatus } from './targets/targets.status.ts';

const sys = systemContext('test');
const base = { status: 'official' as const, source: 'test figures (illustrative)', known_from: '2025-03-01' };

async function userCtx(t: TestDb, username: string, role: Role, unitKey: string): Promise<RequestContext> {
  const unit = await t.db
    .selectFrom('units')
    .select(['id', 'full_name'])
    .where('key', '=', unitKey)
    .executeTakeFirstOrThrow();
  const u = await createUser(t.db, sys, {
    username,
    displayName: username,
    password: 'correct horse 1',
    grants: [{ role, unitId: unit.id }],
  });
  return {
    user: { id: u.id, username, displayName: username, grants: [{ role, unitId: unit.id, unitName: unit.full_name }] },
    actorLabel: username,
    ip: null,
    userAgent: null,
    via: 'session',
  };
}

const refused = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe.each(ENGINES)('indicators across the merger on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await importVn(t.db, sys, VN_DATA_DIR);
    await loadNational(t.db, sys);
    const common = {
      unit_vi: 'đv',
      unit_en: 'u',
      direction: 'higher' as const,
      period_type: 'year' as const,
      weight_code: null,
      factor: '1',
      cumulative: false,
      source: null,
    };
    await defineIndicator(t.db, sys, {
      ...common,
      code: 'POPULATION',
      name_vi: 'Dân số',
      name_en: 'Population',
      kind: 'count',
      aggregation: 'sum',
    });
    await defineIndicator(t.db, sys, {
      ...common,
      code: 'HDI',
      name_vi: 'Chỉ số phát triển con người',
      name_en: 'Human development index',
      kind: 'ratio',
      aggregation: 'none',
    });
    await defineIndicator(t.db, sys, {
      ...common,
      code: 'INCOME_PC',
      name_vi: 'Thu nhập bình quân đầu người',
      name_en: 'Income per person',
      kind: 'amount',
      aggregation: 'weighted_mean',
      weight_code: 'POPULATION',
    });
    const rows: [string, string, string, Record<string, string>?][] = [
      ['GRDP', '17', '62000.5'],
      ['GRDP', '25', '95000.25'],
      ['GRDP', '26', '160000'],
      ['GRDP_GROWTH', '17', '', { numerator: '62000', denominator: '58000' }],
      ['GRDP_GROWTH', '25', '', { numerator: '95000', denominator: '88000' }],
      ['GRDP_GROWTH', '26', '', { numerator: '160000', denominator: '150000' }],
      ['HDI', '17', '0.7'],
      ['HDI', '25', '0.72'],
      ['HDI', '26', '0.75'],
      ['HDI', '01', '0.8'],
      ['POPULATION', '17', '900000'],
      ['POPULATION', '25', '1500000'],
      ['POPULATION', '26', '1200000'],
      ['INCOME_PC', '17', '50'],
      ['INCOME_PC', '25', '60'],
      ['INCOME_PC', '26', '80'],
      ['POPULATION', '04888', '7000'],
      ['POPULATION', '04891', '5000'],
    ];
    for (const [indicator, unit, value, parts] of rows)
      await recordValue(t.db, sys, { ...base, indicator, unit, period: '2024', ...(value ? { value } : {}), ...parts });
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('reads a code in a past period as the unit then in force (25 in 2024 is the old Phú Thọ)', async () => {
    const r = await rebuild(t.db, sys, 'GRDP', 'old:p:25', '2024', '2026-01-01');
    expect(r).toMatchObject({ how: 'own', unit: { key: 'old:p:25' }, figure: { value: '95000.25' } });
  });

  it('sums GRDP of the three predecessors for the new Phú Thọ in 2024, naming them', async () => {
    const r = await rebuild(t.db, sys, 'GRDP', '25', '2024', '2026-01-01');
    expect(r.unit.key).toBe('new:p:25');
    expect(r.how).toBe('rebuilt');
    // 62,000.5 + 95,000.25 + 160,000 = 317,000.75
    expect(r.figure).toEqual({ value: '317000.75', numerator: null, denominator: null, status: 'official' });
    expect(r.predecessors.map((p) => [p.unit.key, p.link, p.figure?.value])).toEqual([
      ['old:p:17', 'whole', '62000.5'],
      ['old:p:25', 'whole', '95000.25'],
      ['old:p:26', 'whole', '160000'],
    ]);
    expect(r.note!.vi).toBe('Dựng lại từ Tỉnh Hoà Bình, Tỉnh Phú Thọ, Tỉnh Vĩnh Phúc.');
  });

  it('rebuilds growth from summed levels (ratio of sums), not from the mean of three rates', async () => {
    const r = await rebuild(t.db, sys, 'GRDP_GROWTH', '25', '2024', '2026-01-01');
    // (317,000 / 296,000 − 1) × 100 = 7.0945945945…, to 12 decimals; the mean of the rates would be 6.93…
    expect(r.figure).toMatchObject({ value: '7.094594594595', numerator: '317000', denominator: '296000' });
  });

  it('leaves a non-aggregable indicator missing for a merger, and carries it over an unchanged province', async () => {
    const merged = await rebuild(t.db, sys, 'HDI', '25', '2024', '2026-01-01');
    expect(merged.how).toBe('missing');
    expect(merged.figure).toBeNull();
    expect(merged.note!.en).toContain('cannot be combined across units');
    const hanoi = await rebuild(t.db, sys, 'HDI', '01', '2024', '2026-01-01');
    expect(hanoi).toMatchObject({ how: 'rebuilt', figure: { value: '0.8' } });
  });

  it('weights a mean by the weight indicator of each predecessor', async () => {
    const r = await rebuild(t.db, sys, 'INCOME_PC', '25', '2024', '2026-01-01');
    // (50 × 900,000 + 60 × 1,500,000 + 80 × 1,200,000) / 3,600,000 = 231,000,000 / 3,600,000 = 64.1666…
    expect(r.figure?.value).toBe('64.166666666667');
  });

  it('apportions the part of a split commune only with a recorded share, and marks it estimated', async () => {
    const before = await rebuild(t.db, sys, 'POPULATION', '04891', '2024', '2026-01-01');
    expect(before.unit.key).toBe('new:c:04891');
    expect(before.how).toBe('missing');
    expect(before.note!.en).toContain('No apportioning share is recorded for the part of');
    await refused(setShare(t.db, sys, 'old:c:04888', 'new:c:04891', '0.5', 'not a part link'));
    await setShare(t.db, sys, 'old:c:04891', 'new:c:04891', '0.4', 'population of the villages moved (illustrative)');
    const after = await rebuild(t.db, sys, 'POPULATION', '04891', '2024', '2026-01-01');
    // 7,000 + 0.4 × 5,000 = 9,000
    expect(after).toMatchObject({ how: 'rebuilt', figure: { value: '9000', status: 'estimated' } });
    expect(after.predecessors.find((p) => p.link === 'part')).toMatchObject({
      unit: { key: 'old:c:04891' },
      share: '0.4',
    });
  });

  it('keeps revisions and reads each date as it was known then', async () => {
    const rev = await recordValue(t.db, sys, {
      ...base,
      indicator: 'GRDP',
      unit: '25',
      period: '2024',
      value: '95100',
      known_from: '2025-09-15',
    });
    expect(rev.status).toBe('revised');
    expect(rev.revises).not.toBeNull();
    const then = await rebuild(t.db, sys, 'GRDP', 'new:p:25', '2024', '2025-06-30');
    expect(then.figure?.value).toBe('317000.75');
    const now = await rebuild(t.db, sys, 'GRDP', 'new:p:25', '2024', '2025-09-15');
    expect(now.figure).toMatchObject({ value: '317100.5', status: 'revised' });
    const early = await rebuild(t.db, sys, 'GRDP', 'new:p:25', '2024', '2025-02-28');
    expect(early.how).toBe('missing');
    const sdmx = (await indicatorSdmx(t.db, sys, 'GRDP', '2025-09-15')).split('\r\n');
    expect(sdmx[0]).toBe(
      'DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,REVISED,KNOWN_FROM,SOURCE',
    );
    expect(sdmx).toContain(
      'VN_APPARATUS:DF_INDICATORS(1.0),old:p:25,GRDP,2024,95100,billion VND,A,Y,2025-09-15,test figures (illustrative)',
    );
    expect(sdmx).toContain(
      'VN_APPARATUS:DF_INDICATORS(1.0),old:p:17,GRDP,2024,62000.5,billion VND,A,N,2025-03-01,test figures (illustrative)',
    );
  });

  it("keeps a unit's own figure reported until the level above accepts it", async () => {
    const commune = await userCtx(t, 'tienphong', 'commune_officer', 'new:c:04891');
    const province = await userCtx(t, 'phutho', 'province_officer', 'new:p:25');
    const hanoi = await userCtx(t, 'hanoi', 'province_officer', 'new:p:01');
    const v = await recordValue(t.db, commune, {
      ...base,
      indicator: 'POPULATION',
      unit: '04891',
      period: '2026',
      value: '9100',
      known_from: '2027-01-15',
    });
    expect(v.accepted_at).toBeNull();
    let s = await indicatorStatus(t.db, province, 'POPULATION', '2027-02-01');
    expect(s.official.filter((o) => o.period === '2026')).toEqual([]);
    expect(s.awaitingAcceptance.map((a) => [a.unit.key, a.value])).toEqual([['new:c:04891', '9100']]);
    expect((await refused(acceptValue(t.db, commune, v.id))).status).toBe(403);
    expect((await refused(acceptValue(t.db, hanoi, v.id))).status).toBe(403);
    expect((await refused(rebuild(t.db, hanoi, 'POPULATION', '04891', '2026', '2027-02-01'))).status).toBe(403);
    await acceptValue(t.db, province, v.id);
    s = await indicatorStatus(t.db, province, 'POPULATION', '2027-02-01');
    expect(s.official.filter((o) => o.period === '2026').map((o) => o.value)).toEqual(['9100']);
    expect(s.awaitingAcceptance).toEqual([]);
    // the province's own entry for a commune is the level above's: official at once
    const p = await recordValue(t.db, province, {
      ...base,
      indicator: 'POPULATION',
      unit: '04828',
      period: '2026',
      value: '12000',
    });
    expect(p.accepted_at).not.toBeNull();
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'before', 'after'])
      .where('action', '=', 'indicators.value.accept')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor).toBe('phutho');
    expect(audit[0].before).toMatchObject({ accepted_at: null, value: '9100' });
    expect(audit[0].after).toMatchObject({ accepted_by: 'phutho' });
  });

  it('holds the national targets with their sources and judges GDP growth on its compound path', async () => {
    for (const [period, value, known] of [
      ['2026', '8', '2027-02-20'],
      ['2027', '12', '2028-02-20'],
    ])
      await recordValue(t.db, sys, { ...base, indicator: 'GDP_GROWTH', unit: 'VN', period, value, known_from: known });
    const early = await indicatorStatus(t.db, sys, 'GDP_GROWTH', '2027-03-01');
    expect(early.tracks).toHaveLength(1);
    expect(early.tracks[0].target).toMatchObject({
      target_kind: 'min',
      low: '10',
      per_year: true,
      baseline_value: '8.02',
    });
    expect(early.tracks[0].target.source).toContain('thanhnien.vn');
    expect(early.tracks[0].track).toMatchObject({ status: 'off_track', year: 2026, actual: 8, gap: -2 });
    const later = await indicatorStatus(t.db, sys, 'GDP_GROWTH', '2028-03-01');
    expect(later.tracks[0].track).toMatchObject({ status: 'off_track', actual: 9.9818, requiredForRest: 10.0121 });
    const perCapita = await indicatorStatus(t.db, sys, 'GDP_PER_CAPITA_USD', '2026-12-31');
    expect(perCapita.tracks[0].track.path[4]).toEqual({ year: 2030, required: 8500 });
    // loading again versions nothing, and writes no audit row: nothing changed
    const audited = async () =>
      Number(
        (
          await t.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rowsBefore = await audited();
    expect(await loadNational(t.db, sys)).toMatchObject({ targetsCreated: 0, baselinesRecorded: 0 });
    expect(await audited()).toBe(rowsBefore);
  });

  it('imports a file all or nothing, listing every bad row with its line', async () => {
    const count = async () =>
      (
        await t.db
          .selectFrom('indicator_values')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const n0 = Number(await count());
    const bad = [
      'indicator,unit,period,value,status,source,known_from',
      'POPULATION,17,2023,880000,official,GSO,2024-03-01',
      'NO_SUCH,17,2023,1,official,GSO,2024-03-01',
      'POPULATION,17,2023-13,1,official,GSO,2024-03-01',
      'POPULATION,17,2023,12.5.1,official,GSO,2024-03-01',
    ].join('\n');
    const err = await refused(importValues(t.db, sys, 'values.csv', Buffer.from(bad)));
    expect((err.extra.rows as { line: number }[]).map((r) => r.line)).toEqual([3, 4, 5]);
    expect(Number(await count())).toBe(n0);
    const good = bad.split('\n').slice(0, 2).join('\n') + '\nPOPULATION,25,2023,1490000,provisional,GSO,2024-03-01\n';
    const r = await importValues(t.db, sys, 'values.csv', Buffer.from(good));
    expect(r).toMatchObject({ rows: 2, awaitingAcceptance: 0 });
    expect(Number(await count())).toBe(n0 + 2);
    const summary = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'indicators.values.import')
      .execute();
    expect(summary.map((s) => s.after)).toEqual([{ file: 'values.csv', rows: 2, awaitingAcceptance: 0, revisions: 0 }]);
  });

  it('imports provincial targets all or nothing, a new version per decision, read as in force on a date', async () => {
    const head = 'indicator,unit,period,kind,low,per_year,decision,decided_on,source';
    const v1 = `${head}\nGRDP_GROWTH,25,2026-2030,min,8,1,NQ 01/2026 (illustrative),2026-03-01,test`;
    const err = await refused(
      importTargets(t.db, sys, 't.csv', Buffer.from(`${v1}\nGRDP_GROWTH,99,2026-2030,min,8,1,NQ,2026-03-01,test\n`)),
    );
    expect((err.extra.rows as { line: number }[]).map((r) => r.line)).toEqual([3]);
    expect(await importTargets(t.db, sys, 't.csv', Buffer.from(v1))).toMatchObject({ rows: 1, versionsCreated: 1 });
    expect(await importTargets(t.db, sys, 't.csv', Buffer.from(v1))).toMatchObject({ versionsCreated: 0 });
    const v2 = `${head}\nGRDP_GROWTH,25,2026-2030,min,8.5,1,NQ 07/2026 (illustrative),2026-09-01,test`;
    expect(await importTargets(t.db, sys, 't.csv', Buffer.from(v2))).toMatchObject({ versionsCreated: 1 });
    const inForce = async (asOf: string) =>
      (await indicatorStatus(t.db, sys, 'GRDP_GROWTH', asOf)).tracks.map((x) => [
        x.unit.key,
        x.target.version,
        x.target.low,
        x.target.decision,
      ]);
    expect(await inForce('2026-06-30')).toEqual([['new:p:25', 1, '8', 'NQ 01/2026 (illustrative)']]);
    expect(await inForce('2026-09-01')).toEqual([['new:p:25', 2, '8.5', 'NQ 07/2026 (illustrative)']]);
  });
});
