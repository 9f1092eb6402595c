// The handover workflow on a small registry: receivers by kind for a district, overrides with a reason,
// draft → submitted → counted → minutes → signed by both → closed, outstanding computed from the
// counts, the minutes' hashes, refusals (the submitter counting, the wrong side, a changed document)
// and a correcting version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { systemContext, type RequestContext } from '../../platform/context.ts';
import { openHandovers } from '../open/open.service.ts';
import { seedHandoverRegistry, userContext } from '../handover.fixtures.ts';
import { addLine, removeLine } from '../inventory/inventory.service.ts';
import { close, correct, countLine, getHandover, handoverStatus, listHandovers, submit } from './workflow.service.ts';
import { makeMinutes, minutesFile, sign, verify } from '../minutes/minutes.service.ts';
import { sha256 } from '../minutes/minutes.hash.ts';

const sys = systemContext('test');
type Units = Awaited<ReturnType<typeof seedHandoverRegistry>>;

describe.each(ENGINES)('handover workflow on %s', (engine) => {
  let t: TestDb;
  let u: Units;
  let ids: Record<string, number>;
  const as: Record<string, RequestContext> = {};
  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedHandoverRegistry(t.db);
    await openHandovers(t.db, sys, '2025-07-01');
    const rows = await t.db.selectFrom('handovers').select(['id', 'from_unit_id']).execute();
    const byUnit = new Map(rows.map((r) => [r.from_unit_id, r.id]));
    ids = { district: byUnit.get(u.district)!, c1: byUnit.get(u.c1)!, c2: byUnit.get(u.c2)!, x: byUnit.get(u.x)! };
    as.oldDistrict = await userContext(t.db, 'huyencu', 'commune_officer', u.district); // the handing-over district's officer
    as.province = await userContext(t.db, 'tinhmoi', 'province_officer', u.newP); // the receiving, overseeing province
    as.province2 = await userContext(t.db, 'tinhmoi2', 'province_officer', u.newP);
    as.n1 = await userContext(t.db, 'xamoimot', 'commune_officer', u.n1);
    as.n2 = await userContext(t.db, 'xamoihai', 'commune_officer', u.n2);
    as.other = await userContext(t.db, 'tinhkhac', 'province_officer', u.otherP);
    as.viewer = await userContext(t.db, 'xem', 'viewer', u.newP);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('opens each ended unit once, with its successors; the district to the province and its communes’ successors', async () => {
    const d = await getHandover(t.db, sys, ids.district);
    expect(d.receivers.map((r) => [r.id, r.role])).toEqual([
      [u.newP, 'province'],
      [u.n1, 'successor_commune'],
      [u.n2, 'successor_commune'],
      [u.n3, 'successor_commune'],
    ]);
    expect(d.provinceUnitId).toBe(u.newP);
    const c2 = await getHandover(t.db, sys, ids.c2);
    expect(c2.receivers.map((r) => [r.id, r.linkKind])).toEqual([
      [u.n2, 'part'],
      [u.n3, 'part'],
    ]);
    expect((await handoverStatus(t.db, sys, {})).handovers).toBe(7); // 2 provinces, 2 districts, 3 communes
  });

  it('gives district lines their default receiver by kind, and refuses an override without a reason', async () => {
    const record = await addLine(t.db, as.oldDistrict, ids.district, {
      kind: 'record',
      title: 'Hồ sơ giao đất năm 2019',
      condition: 'good',
      files: [{ sha256: 'a'.repeat(64), name: 'scan.pdf' }],
      level: 'dossier',
      dossier: { fileCode: 'H01.2019.01', retention: 'permanent', fonds: 'UBND huyện Cũ' },
      pages: 120,
      pagesDigitised: 40,
      landOrInvestment: true,
    });
    expect(record).toMatchObject({
      receiverUnitId: u.newP,
      receiverAs: 'land_registration_office',
      receiverReason: null,
    });
    const archive = await addLine(t.db, as.oldDistrict, ids.district, {
      kind: 'record',
      title: 'Mục lục hồ sơ 2015-2020',
      condition: 'good',
      files: [],
      level: 'dossier',
      landOrInvestment: false,
    });
    expect(archive.receiverAs).toBe('province_archive');
    const account = await addLine(t.db, as.oldDistrict, ids.district, {
      kind: 'account',
      title: 'Tài khoản dự toán ngân sách',
      condition: 'good',
      files: [],
      accountKind: 'treasury',
      accountNumber: '9523.1.1234567',
      balanceVnd: '98765432109876543210',
      settlement: 'in_progress',
    });
    // Exact money: twenty digits survive the round trip.
    expect(account).toMatchObject({ amountVnd: '98765432109876543210', receiverAs: 'province', status: 'in_progress' });
    // A pending citizen file: three successor communes, so the line must choose one.
    const file = {
      kind: 'business' as const,
      title: 'Hồ sơ cấp giấy chứng nhận của ông A',
      condition: 'good' as const,
      files: [],
      businessKind: 'procedure_file' as const,
      legalDeadline: '2025-07-20',
      landOrInvestment: true,
    };
    await expect(addLine(t.db, as.oldDistrict, ids.district, file)).rejects.toMatchObject({ status: 400 });
    const chosen = await addLine(t.db, as.oldDistrict, ids.district, { ...file, receiverUnitId: u.n1 });
    expect(chosen).toMatchObject({
      receiverUnitId: u.n1,
      receiverAs: 'successor_commune',
      legalDeadline: '2025-07-20',
    });
    // Overriding the archive default with a commune needs a reason.
    const moved = {
      ...file,
      kind: 'asset' as const,
      assetKind: 'headquarters' as const,
      usePlan: 'convert_public_service' as const,
      convertTo: 'clinic' as const,
      floorAreaM2: '850.5',
      idleSince: '2025-07-01',
      bookValueVnd: '12500000000',
      receiverUnitId: u.n2,
    };
    await expect(addLine(t.db, as.oldDistrict, ids.district, moved)).rejects.toMatchObject({ status: 400 });
    const asset = await addLine(t.db, as.oldDistrict, ids.district, {
      ...moved,
      receiverReason: 'Trụ sở nằm trên địa bàn xã Mới Hai',
    });
    expect(asset).toMatchObject({ receiverUnitId: u.n2, floorAreaM2: '850.50', amountVnd: '12500000000' });
  });

  it('lets only the handing-over side draw up and submit, and refuses counting before submission', async () => {
    const line = {
      kind: 'seal' as const,
      title: 'Con dấu UBND huyện',
      condition: 'good' as const,
      files: [],
      sealKind: 'seal' as const,
      identifier: 'CD-900',
      state: 'in_use' as const,
    };
    await expect(addLine(t.db, as.province, ids.district, line)).rejects.toMatchObject({ status: 403 });
    await expect(addLine(t.db, as.other, ids.district, line)).rejects.toMatchObject({ status: 403 });
    await expect(
      addLine(t.db, as.oldDistrict, ids.district, { ...line, state: 'surrendered' as const }),
    ).rejects.toMatchObject({ status: 400 });
    const seal = await addLine(t.db, as.oldDistrict, ids.district, line);
    await removeLine(t.db, as.oldDistrict, ids.district, seal.id);
    await expect(submit(t.db, as.province, ids.district)).rejects.toMatchObject({ status: 403 });
    const d = await getHandover(t.db, as.province, ids.district);
    await expect(
      countLine(t.db, as.province, ids.district, d.lineList[0].id, { state: 'received' }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await submit(t.db, as.oldDistrict, ids.district)).toMatchObject({ state: 'submitted', lines: 5 });
    await expect(addLine(t.db, as.oldDistrict, ids.district, line)).rejects.toMatchObject({ status: 409 });
  });

  it('counts line by line on the receiving side; outstanding is computed; the submitter never counts', async () => {
    const d = await getHandover(t.db, as.province, ids.district);
    const [land, archive, account, file, asset] = d.lineList;
    await expect(countLine(t.db, as.oldDistrict, ids.district, land.id, { state: 'received' })).rejects.toMatchObject({
      status: 403,
    });
    // Commune n1 receives the citizen file only: it cannot count the archive's records.
    await expect(countLine(t.db, as.n1, ids.district, archive.id, { state: 'received' })).rejects.toMatchObject({
      status: 403,
    });
    await countLine(t.db, as.n1, ids.district, file.id, { state: 'received' });
    await countLine(t.db, as.province, ids.district, land.id, { state: 'received' });
    await countLine(t.db, as.province, ids.district, archive.id, { state: 'missing', note: 'Thiếu hộp số 3' });
    const partial = await getHandover(t.db, as.province, ids.district);
    expect(partial.state).toBe('submitted');
    expect(partial.outstandingByState).toEqual({ total: 3, pending: 2, missing: 1, damaged: 0, disputed: 0 });
    await countLine(t.db, as.province, ids.district, account.id, {
      state: 'disputed',
      note: 'Số dư chưa khớp sổ kho bạc',
    });
    const done = await countLine(t.db, as.n2, ids.district, asset.id, { state: 'damaged' });
    expect(done).toMatchObject({ handoverState: 'counted', outstanding: 3 });
    // The former headquarters, idle since 01/07/2025 with its plan not done: a warning after 12 months, not before.
    expect((await handoverStatus(t.db, as.province, { asOf: '2026-07-02' })).idleHeadquarters.count).toBe(1);
    expect((await handoverStatus(t.db, as.province, { asOf: '2026-06-30' })).idleHeadquarters.count).toBe(0);
    expect((await handoverStatus(t.db, as.other, { asOf: '2026-07-02' })).idleHeadquarters.count).toBe(0);
    const listed = await listHandovers(t.db, as.province, { limit: 100, offset: 0 });
    expect(listed.items.find((h) => h.id === ids.district)).toMatchObject({
      lines: 5,
      outstanding: 3,
      state: 'counted',
    });
  });

  it('draws up the minutes, stores their SHA-256, and has them signed by two people, one per side', async () => {
    await expect(makeMinutes(t.db, as.other, ids.district)).rejects.toMatchObject({ status: 403 });
    const m = await makeMinutes(t.db, as.province, ids.district, '2025-08-15');
    expect(m).toMatchObject({ version: 1, lineCount: 5, outstanding: 3, number: `${ids.district}-1/BB-BG` });
    const file = await minutesFile(t.db, as.viewer, ids.district);
    expect(file.content.subarray(0, 2).toString()).toBe('PK'); // a .docx is a zip
    expect(sha256(file.content)).toBe(m.documentSha256);
    // Signing names the document read; a stale hash is refused.
    await expect(
      sign(t.db, as.oldDistrict, ids.district, { side: 'from', documentSha256: 'b'.repeat(64) }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      sign(t.db, as.n1, ids.district, { side: 'from', documentSha256: m.documentSha256 }),
    ).rejects.toMatchObject({ status: 403 });
    await sign(t.db, as.oldDistrict, ids.district, { side: 'from', documentSha256: m.documentSha256 });
    expect((await verify(t.db, sys, m.documentSha256)).signedByBoth).toBe(false);
    await expect(close(t.db, as.province, ids.district)).rejects.toMatchObject({ status: 409 });
    const signed = await sign(t.db, as.province, ids.district, { side: 'to', documentSha256: m.documentSha256 });
    expect(signed.handoverState).toBe('signed');
    const v = await verify(t.db, sys, m.documentSha256);
    expect(v).toMatchObject({
      match: true,
      handoverId: ids.district,
      version: 1,
      signedByBoth: true,
      superseded: false,
      linesUnchanged: true,
      fromUnit: 'Huyện Cũ',
    });
    expect((await verify(t.db, sys, sha256(Buffer.from('not the minutes')))).match).toBe(false);
    await expect(close(t.db, as.n1, ids.district)).rejects.toMatchObject({ status: 403 });
    expect(await close(t.db, as.province2, ids.district)).toMatchObject({ state: 'closed', outstanding: 3 });
  });

  it('refuses one person signing both sides, and the submitter counting', async () => {
    const h = ids.c1; // Xã Một → Xã Mới Một: the province officer holds both sides
    await expect(
      addLine(t.db, as.province, h, {
        kind: 'seal',
        title: 'Con dấu UBND xã',
        condition: 'good',
        files: [],
        sealKind: 'seal',
        identifier: 'CD-1',
        state: 'surrendered',
        receiptRef: 'BB 12/CA',
      }),
    ).rejects.toMatchObject({ status: 403 });
    // The new province does not hold the old commune: the old district's officer draws it up.
    await addLine(t.db, as.oldDistrict, h, {
      kind: 'seal',
      title: 'Con dấu UBND xã',
      condition: 'good',
      files: [],
      sealKind: 'seal',
      identifier: 'CD-1',
      state: 'surrendered',
      receiptRef: 'BB 12/CA',
    });
    await submit(t.db, as.oldDistrict, h);
    const line = (await getHandover(t.db, sys, h)).lineList[0];
    await countLine(t.db, as.n1, h, line.id, { state: 'received' });
    const m = await makeMinutes(t.db, as.n1, h, '2025-08-15');
    await sign(t.db, as.oldDistrict, h, { side: 'from', documentSha256: m.documentSha256 });
    const twice = {
      ...as.oldDistrict,
      user: {
        ...as.oldDistrict.user!,
        grants: [...as.oldDistrict.user!.grants, { role: 'commune_officer' as const, unitId: u.n1, unitName: 'n1' }],
      },
    };
    await expect(sign(t.db, twice, h, { side: 'to', documentSha256: m.documentSha256 })).rejects.toMatchObject({
      status: 409,
    });
    // The district officer also granted on the receiving commune still may not count what they submitted.
    const h2 = ids.c2;
    await addLine(t.db, as.oldDistrict, h2, {
      kind: 'record',
      title: 'Sổ hộ tịch',
      condition: 'worn',
      files: [],
      level: 'document',
      landOrInvestment: false,
      receiverUnitId: u.n2,
    });
    await submit(t.db, twice, h2);
    const l2 = (await getHandover(t.db, sys, h2)).lineList[0];
    const twiceN2 = {
      ...twice,
      user: {
        ...twice.user,
        grants: [...twice.user.grants, { role: 'commune_officer' as const, unitId: u.n2, unitName: 'n2' }],
      },
    };
    await expect(countLine(t.db, twiceN2, h2, l2.id, { state: 'received' })).rejects.toMatchObject({ status: 403 });
  });

  it('opens a correcting version after signing; the old minutes verify as superseded', async () => {
    const before = await getHandover(t.db, sys, ids.district);
    const old = before.minutes[0].documentSha256;
    await expect(correct(t.db, as.province, ids.district, 'Bổ sung hộp số 3')).rejects.toMatchObject({ status: 403 });
    expect(await correct(t.db, as.oldDistrict, ids.district, 'Bổ sung hộp số 3')).toMatchObject({
      state: 'draft',
      version: 2,
    });
    const after = await getHandover(t.db, sys, ids.district);
    expect(after.outstandingByState.pending).toBe(5);
    await submit(t.db, as.oldDistrict, ids.district);
    for (const l of after.lineList) {
      const who = l.receiverUnitId === u.n1 ? as.n1 : l.receiverUnitId === u.n2 ? as.n2 : as.province;
      await countLine(t.db, who, ids.district, l.id, { state: 'received' });
    }
    const m2 = await makeMinutes(t.db, as.province, ids.district, '2025-09-01');
    expect(m2).toMatchObject({ version: 2, outstanding: 0 });
    expect(await verify(t.db, sys, old)).toMatchObject({
      match: true,
      version: 1,
      superseded: true,
      linesUnchanged: false,
    });
  });

  it('keeps each side to its own handovers in lists, and audits every change', async () => {
    const other = await listHandovers(t.db, as.other, { limit: 100, offset: 0 });
    expect(other.items.map((h) => h.id).sort()).toEqual(
      (await t.db.selectFrom('handovers').select('id').where('province_unit_id', '=', u.otherP).execute())
        .map((r) => r.id)
        .sort(),
    );
    await expect(getHandover(t.db, as.other, ids.district)).rejects.toMatchObject({ status: 403 });
    const actions = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'handover.%').execute();
    const set = new Set(actions.map((a) => a.action));
    for (const a of [
      'handover.open',
      'handover.line.add',
      'handover.line.remove',
      'handover.submit',
      'handover.line.count',
      'handover.minutes.create',
      'handover.minutes.sign',
      'handover.close',
      'handover.correct',
    ])
      expect(set.has(a), a).toBe(true);
  });
});
