// A small registry with what a handover needs: an old province with a district of two communes, one
// merged whole into a new commune, the other split in two; the new province; and, elsewhere, an old
// commune merged into a commune of another province (out of scope of the first province's officers).
import type { Db } from '../platform/db/db.ts';
import type { RequestContext, Role } from '../platform/context.ts';
import { systemContext } from '../platform/context.ts';
import { searchColumns } from '../units/import/import.service.ts';
import { createUser } from '../accounts/accounts.service.ts';

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
