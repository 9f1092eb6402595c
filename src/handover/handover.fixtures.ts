// A small registry with what a handover needs: an old province with a district of two communes, one
// merged whole into a new commune, the other split in two; the new province; and, elsewhere, an old
// commune merged into a commune of another province (out of scope of the first province's officers).
import type { Db } from '../platform/db/db.ts';
import type { RequestContext, Role } from '../platform/context.ts';
import { systemContext } from '../platform/context.ts';
import { searchColumns } from '../units/import/import.service.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { openHandovers } from './open/open.service.ts';
import { addLine } from './inventory/inventory.service.ts';
import { submit } from './workflow/workflow.service.ts';

const D = '2025-07-01';

export async function seedHandoverRegistry(db: Db) {
  const add = async (
    key: string,
    level: number,
    type: string,
    name: string,
    parentId: number | null,
    era: 'old' | 'new' | 'both',
  ) => {
    const u = { key, code: key.split(':').pop()!, level, type, name, fullName: name, parentId };
    const r = await db
      .insertInto('units')
      .values({
        key,
        code: u.code,
        level,
        type,
        name,
        full_name: name,
        name_en: null,
        full_name_en: null,
        parent_id: parentId,
        valid_from: era === 'new' ? D : null,
        valid_to: era === 'old' ? D : null,
        area_km2: null,
        population: null,
        admin_centre: null,
        lon: null,
        lat: null,
        ...searchColumns(u, []),
        source: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  };
  const vn = await add('vn', 0, 'central', 'Việt Nam', null, 'both');
  const oldP = await add('old:p:90', 1, 'province', 'Tỉnh Cũ', vn, 'old');
  const district = await add('old:d:900', 2, 'rural_district', 'Huyện Cũ', oldP, 'old');
  const c1 = await add('old:c:90001', 3, 'commune', 'Xã Một', district, 'old');
  const c2 = await add('old:c:90002', 3, 'commune', 'Xã Hai', district, 'old');
  const newP = await add('new:p:90', 1, 'province', 'Tỉnh Mới', vn, 'new');
  const n1 = await add('new:c:90101', 3, 'commune', 'Xã Mới Một', newP, 'new');
  const n2 = await add('new:c:90102', 3, 'commune', 'Xã Mới Hai', newP, 'new');
  const n3 = await add('new:c:90103', 3, 'commune', 'Xã Mới Ba', newP, 'new');
  const otherOldP = await add('old:p:91', 1, 'province', 'Tỉnh Khác Cũ', vn, 'old');
  const otherOldD = await add('old:d:910', 2, 'rural_district', 'Huyện Khác', otherOldP, 'old');
  const x = await add('old:c:91001', 3, 'commune', 'Xã Khác', otherOldD, 'old');
  const otherP = await add('new:p:91', 1, 'province', 'Tỉnh Khác', vn, 'new');
  const y = await add('new:c:91101', 3, 'commune', 'Xã Khác Mới', otherP, 'new');
  const event = await db
    .insertInto('lineage_events')
    .values({ kind: 'merge', effective_date: D, legal_basis: 'Nghị quyết thử nghiệm', note: null, source: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [from, to, kind] of [
    [oldP, newP, 'whole'],
    [c1, n1, 'whole'],
    [c2, n2, 'part'],
    [c2, n3, 'part'],
    [otherOldP, otherP, 'whole'],
    [otherOldD, otherP, 'whole'],
    [x, y, 'whole'],
  ] as const)
    await db
      .insertInto('lineage_links')
      .values({ event_id: event.id, from_unit_id: from, to_unit_id: to, kind, note: null, source: 'test' })
      .execute();
  return { vn, oldP, district, c1, c2, newP, n1, n2, n3, otherOldP, otherOldD, x, otherP, y };
}

/** A user with one grant, as the services see a signed-in caller. */
export async function userContext(db: Db, username: string, role: Role, unitId: number): Promise<RequestContext> {
  const u = await createUser(db, systemContext('test'), {
    username,
    displayName: username,
    password: 'correct horse battery',
    grants: [{ role, unitId }],
  });
  return {
    user: { id: u.id, username, displayName: username, grants: [{ role, unitId, unitName: String(unitId) }] },
    actorLabel: username,
    ip: null,
    userAgent: null,
    via: 'session',
  };
}

/**
 * The access-policy matrix's handovers: Trúc Bạch's (in scope: Hà Nội's old ward, to Ba Đình), submitted
 * by Hà Nội's officer so that officer may not count it, and an old Huế commune's (out of scope), each
 * with one line. `submitAs` submits as a signed-in user through the API.
 */
export async function handoverMatrixWorld(
  db: Db,
  units: { hue: number; hueCommune: number; trucBach: number },
  submitAs: (handoverId: number) => Promise<void>,
) {
  const sys = systemContext('test');
  const old = await db
    .insertInto('units')
    .values({
      key: 'old:c:19901',
      code: '19901',
      level: 3,
      type: 'commune',
      name: 'Phong Hòa',
      full_name: 'Xã Phong Hòa',
      name_en: null,
      full_name_en: null,
      parent_id: units.hue,
      valid_from: null,
      valid_to: '2025-07-01',
      area_km2: null,
      population: null,
      admin_centre: null,
      lon: null,
      lat: null,
      ...searchColumns({ name: 'Phong Hòa', fullName: 'Xã Phong Hòa' }, []),
      source: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const event = await db
    .selectFrom('lineage_events')
    .select('id')
    .where('effective_date', '=', '2025-07-01')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('lineage_links')
    .values({
      event_id: event.id,
      from_unit_id: old.id,
      to_unit_id: units.hueCommune,
      kind: 'whole',
      note: null,
      source: 'test',
    })
    .execute();
  await openHandovers(db, sys, '2025-07-01');
  const side = async (fromUnit: number) => {
    const h = await db
      .selectFrom('handovers')
      .select('id')
      .where('from_unit_id', '=', fromUnit)
      .executeTakeFirstOrThrow();
    const line = await addLine(db, sys, h.id, {
      kind: 'seal',
      title: 'Con dấu UBND',
      condition: 'good',
      files: [],
      sealKind: 'seal',
      identifier: `CD-${fromUnit}`,
      state: 'in_use',
    });
    return { id: h.id, line: line.id };
  };
  const inScope = await side(units.trucBach);
  const outScope = await side(old.id);
  await submitAs(inScope.id);
  await submit(db, sys, outScope.id);
  return { in: inScope, out: outScope, hueOld: old.id };
}
