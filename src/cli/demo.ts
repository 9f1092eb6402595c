// Demo content for `npm start`: one user per role, over the Vietnam reference
// data. Loaded only in demo mode; demo users are named demo-* so no one
// mistakes them for real accounts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../platform/db/db.ts';
import { systemContext, type Role } from '../platform/context.ts';
import { ensureReferenceData } from '../units/import/import.service.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { findUserByName } from '../accounts/accounts.store.ts';
import { loadStaffingDemo } from '../staffing/staffing.demo.ts';
import { loadProgramDemo } from '../program/program.demo.ts';
import { loadHandoverDemo } from '../handover/handover.demo.ts';
import { loadPeopleDemo } from '../people/people.demo.ts';
import { loadChannelDemo } from '../channel/channel.demo.ts';
import { loadIndicatorsDemo } from '../indicators/indicators.demo.ts';

export const VN_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/vn');

export const DEMO_USERS: {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitCode: string;
  scope: string;
}[] = [
  {
    username: 'demo-admin',
    displayName: 'Quản trị hệ thống (demo)',
    password: 'demo-admin-2025',
    role: 'system_admin',
    unitCode: 'VN',
    scope: 'Việt Nam',
  },
  {
    username: 'demo-central',
    displayName: 'Cán bộ Trung ương (demo)',
    password: 'demo-central-2025',
    role: 'central_officer',
    unitCode: 'VN',
    scope: 'Việt Nam',
  },
  {
    username: 'demo-hanoi',
    displayName: 'Cán bộ Thành phố Hà Nội (demo)',
    password: 'demo-hanoi-2025',
    role: 'province_officer',
    unitCode: '01',
    scope: 'Thành phố Hà Nội',
  },
  {
    username: 'demo-badinh',
    displayName: 'Cán bộ Phường Ba Đình (demo)',
    password: 'demo-badinh-2025',
    role: 'commune_officer',
    unitCode: '00004',
    scope: 'Phường Ba Đình, Hà Nội',
  },
  {
    username: 'demo-viewer',
    displayName: 'Người xem (demo)',
    password: 'demo-viewer-2025',
    role: 'viewer',
    unitCode: 'VN',
    scope: 'Việt Nam',
  },
  {
    username: 'demo-hr',
    displayName: 'Cán bộ tổ chức Hà Nội (demo)',
    password: 'demo-hr-2025',
    role: 'hr_officer',
    unitCode: '01',
    scope: 'Thành phố Hà Nội',
  },
];

export async function loadDemo(db: Db) {
  const outcome = await ensureReferenceData(db, VN_DATA_DIR);
  await ensureDemoUsers(db);
  return outcome;
}

/** The demo users, each created once (over whatever registry is loaded: tests use a small one). */
export async function ensureDemoUsers(db: Db) {
  const ctx = systemContext('system:demo');
  for (const u of DEMO_USERS) {
    if (await findUserByName(db, u.username)) continue;
    await createUser(db, ctx, {
      username: u.username,
      displayName: u.displayName,
      password: u.password,
      grants: [{ role: u.role, unitCode: u.unitCode }],
    });
  }
}

/**
 * Everything `npm start` shows: the users above, then each module's demo
 * content (marked as demo in its own tables). Tests load only what they need.
 */
export async function loadFullDemo(db: Db) {
  const outcome = await loadDemo(db);
  await loadStaffingDemo(db);
  await loadProgramDemo(db);
  // Issues 11–14: each module's illustrative content (after staffing: placements count against its quotas).
  await loadHandoverDemo(db);
  await loadPeopleDemo(db);
  await loadChannelDemo(db);
  await loadIndicatorsDemo(db);
  return outcome;
}
