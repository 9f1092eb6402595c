// Kysely table types. The tables themselves are generated from the migrated database
// (db.generated.ts, `npm run db:types`; db-types.test.ts fails when it is stale), so they
// cannot drift from src/*/migrations. Only names the code uses are added here.
import type { Insertable, Selectable } from 'kysely';
import type { DB } from './db.generated.ts';

export type Database = DB;

export type UnitRow = Selectable<DB['units']>;
export type NewUnit = Insertable<DB['units']>;
export type UserRow = Selectable<DB['users']>;
