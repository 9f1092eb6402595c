// Test helpers: a period, extra communes under a province of the mini registry,
// and a signed-in officer's context without going through HTTP.
import type { Db } from '../platform/db/db.ts';
import type { RequestContext, Role } from '../platform/context.ts';
import { systemContext } from '../platform/context.ts';
import { searchColumns } from '../units/import/import.service.ts';
import { createPeriod } from './quotas/quotas.service.ts';

export async function addCommunes(
  db: Db,
  parentId: number,
  prefix: string,
  count: number,
  extra: { population?: number; area?: number } = {},
) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const u = {
      key: `test:${prefix}:${i}`,
      code: `${prefix}${String(i).padStart(3, '0')}`,
      level: 3,
      type: 'commune',
      name: `Xã ${prefix} ${i}`,
      fullName: `Xã ${prefix} ${i}`,
    };
    const row = await db
      .insertInto('units')
      .values({
        key: u.key,
        code: u.code,
        level: 3,
        type: 'commune',
        name: u.name,
        full_name: u.fullName,
        name_en: null,
        full_name_en: null,
        parent_id: parentId,
        valid_from: '2025-07-01',
        valid_to: null,
        area_km2: extra.area ?? null,
        population: extra.population ?? null,
        admin_centre: null,
        lon: null,
        lat: null,
        ...searchColumns(u, []),
        source: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

export const PERIOD_2022 = {
  code: '2022-2026',
  name: 'Thời kỳ 2022–2026',
  startDate: '2022-01-01',
  endDate: '2026-07-01',
  legalBasis: 'Quyết định 71-QĐ/TW',
};

export const createTestPeriod = (db: Db, code = PERIOD_2022.code) =>
  createPeriod(db, systemContext('test'), { ...PERIOD_2022, code });

export function officer(role: Role, unitId: number, id = 9001): RequestContext {
  return {
    user: {
      id,
      username: `${role}-${unitId}`,
      displayName: role,
      grants: [{ role, unitId, unitName: String(unitId) }],
    },
    actorLabel: `${role}-${unitId}`,
    ip: '127.0.0.1',
    userAgent: 'test',
    via: 'session',
  };
}
