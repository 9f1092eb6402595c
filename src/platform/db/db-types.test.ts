// The committed table types (db.generated.ts) must be what the migrations produce: a migration
// added without `npm run db:types` fails here, on every engine the run has (the introspection
// must give the same file on PGlite and on PostgreSQL).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiffChecker } from 'kysely-codegen';
import { ENGINES } from './testing.ts';
import { GENERATED_FILE, REGENERATE_COMMAND, generateDbTypes } from './db-types.ts';

describe.each(ENGINES)('table types on %s', (engine) => {
  it('db.generated.ts matches the migrated database', async () => {
    const fresh = await generateDbTypes(engine);
    const committed = fs.readFileSync(GENERATED_FILE, 'utf8');
    const diff = fresh === committed ? '' : (new DiffChecker().diff(committed, fresh) ?? '(whitespace only)');
    expect(
      fresh === committed,
      `src/platform/db/db.generated.ts is stale: run \`${REGENERATE_COMMAND}\` and commit the result.\n${diff}`,
    ).toBe(true);
  });
});
