// Test helpers of the program module.
import { expect } from 'vitest';
import type { TestDb } from '../platform/testing.ts';
import { rebuildRollups } from './program.rollups.store.ts';

/** The maintained rollups must equal a rebuild from the task table. */
export async function expectRollupsConsistent(t: TestDb, programId: number) {
  const read = () => t.db.selectFrom('program_rollups').selectAll().where('program_id', '=', programId).where('total', '<>', 0)
    .orderBy('unit_id').orderBy('section_id').execute();
  const maintained = await read();
  await t.db.transaction().execute((trx) => rebuildRollups(trx, programId));
  expect(maintained).toEqual(await read());
}

