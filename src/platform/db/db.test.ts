// Migrations and the audit log, on every engine the run has (PGlite, and
// PostgreSQL when DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createTestDb, type TestDb } from './testing.ts';
import { migrate, readMigrationFiles, MigrationError } from './migrate.ts';
import { recordAudit } from '../audit/record.ts';
import { systemContext } from '../context.ts';

describe.each(ENGINES)('platform on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('returns the same JavaScript values on both engines, arrays included: ids as numbers, dates as strings', async () => {
    const row = await sql<{ n: number; ids: number[]; amounts: number[]; d: string; days: string[] }>`
      select 9007199254740991::bigint as n, array[1, 2, 9007199254740991]::bigint[] as ids, array[1.5, 2]::numeric[] as amounts,
             date '2025-07-01' as d, array[date '2025-07-01', date '2026-03-01' - 1]::date[] as days`.execute(t.db);
    expect(row.rows[0]).toEqual({
      n: 9007199254740991,
      ids: [1, 2, 9007199254740991],
      amounts: [1.5, 2],
      d: '2025-07-01',
      days: ['2025-07-01', '2026-02-28'],
    });
  });

  it('has applied every migration file once, and a second run applies nothing', async () => {
    const files = readMigrationFiles();
    const rows = await t.db
      .selectFrom('schema_migrations')
      .select(['version', 'checksum'])
      .orderBy('version')
      .execute();
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
    const again = await migrate(t.db);
    expect(again.applied).toHaveLength(0);
    expect(again.alreadyApplied).toBe(files.length);
  });

  it('refuses to start when an applied migration file was edited, naming the file', async () => {
    const files = readMigrationFiles();
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'f'.repeat(64) } : f));
    await expect(migrate(t.db, edited)).rejects.toThrow(
      /platform\/migrations\/0001_platform\.sql was edited after it was applied/,
    );
  });

  it('applies a batch all or nothing: a failing migration leaves no trace of the ones before it', async () => {
    const files = readMigrationFiles();
    const good = {
      version: 9001,
      name: 'good',
      file: 'x/9001_good.sql',
      sql: 'create table good_one (id int);',
      checksum: 'a',
    };
    const bad = { version: 9002, name: 'bad', file: 'x/9002_bad.sql', sql: 'create table oops (;', checksum: 'b' };
    await expect(migrate(t.db, [...files, good, bad])).rejects.toBeInstanceOf(MigrationError);
    const exists = await sql<{ t: string | null }>`select to_regclass('good_one')::text as t`.execute(t.db);
    expect(exists.rows[0].t).toBeNull();
    const versions = await t.db.selectFrom('schema_migrations').select('version').execute();
    expect(versions.map((v) => v.version)).not.toContain(9001);
  });

  it('writes audit records with JSON before/after, and the database refuses to change or remove them', async () => {
    await recordAudit(t.db, systemContext('test'), {
      action: 'test.act',
      entity: 'thing',
      entityId: 7,
      before: { a: 1 },
      after: { a: 2, name: 'Hòa' },
    });
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'test.act')
      .executeTakeFirstOrThrow();
    expect(row.before).toEqual({ a: 1 });
    expect(row.after).toEqual({ a: 2, name: 'Hòa' });
    expect(row.actor).toBe('test');
    await expect(sql`update audit_log set actor = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const count = await t.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBeGreaterThan(0);
  });
});

describe.skipIf(!ENGINES.includes('postgres'))('two processes starting together on one PostgreSQL', () => {
  it('apply the migrations once between them', async () => {
    const t = await createTestDb('postgres', { migrate: false });
    const { openDatabase } = await import('./db.ts');
    const other = await openDatabase({ databaseUrl: t.url });
    try {
      const [a, b] = await Promise.all([migrate(t.db), migrate(other.db)]);
      expect(a.applied.length + b.applied.length).toBe(readMigrationFiles().length);
      expect(Math.min(a.applied.length, b.applied.length)).toBe(0);
    } finally {
      await other.close();
      await t.drop();
    }
  });
});
