// Migrations are plain SQL files named NNNN_name.sql in src/<module>/migrations.
// They are applied in number order, all pending ones in one transaction, under
// an advisory lock so two processes starting together cannot both apply them.
// Each applied file's SHA-256 is recorded; start-up refuses if one was edited.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './db.ts';

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}
export interface MigrationResult {
  applied: MigrationFile[];
  alreadyApplied: number;
}

const SRC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const LOCK_KEY = 727_001; // arbitrary, constant: the advisory lock for migrations

export class MigrationError extends Error {}

export function readMigrationFiles(srcDir = SRC_DIR): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const mod of fs.readdirSync(srcDir, { withFileTypes: true })) {
    const dir = path.join(srcDir, mod.name, 'migrations');
    if (!mod.isDirectory() || !fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.sql')) continue;
      const match = FILE_PATTERN.exec(name);
      const file = path.relative(srcDir, path.join(dir, name));
      if (!match) throw new MigrationError(`Migration file ${file} must be named NNNN_name.sql`);
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      files.push({
        version: Number(match[1]),
        name: match[2],
        file,
        sql: text,
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      });
    }
  }
  files.sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i++) {
    if (files[i].version === files[i - 1].version) {
      throw new MigrationError(
        `Two migrations share number ${files[i].version}: ${files[i - 1].file} and ${files[i].file}`,
      );
    }
  }
  return files;
}

export async function migrate(db: Db, files = readMigrationFiles()): Promise<MigrationResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    // Created only when missing: a role that may not change the schema (the server's role, README
    // "PostgreSQL roles") can then still start, and check, on an up-to-date database.
    const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(trx);
    if (!exists.rows[0].t) {
      await sql`create table schema_migrations (
        version integer primary key, name text not null, checksum text not null,
        applied_at timestamptz not null default now())`.execute(trx);
    }
    const applied = await trx.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
    const byVersion = new Map(files.map((f) => [f.version, f]));
    for (const row of applied) {
      const file = byVersion.get(row.version);
      if (!file) {
        throw new MigrationError(
          `The database has migration ${row.version} (${row.name}) but no such file exists: this code is older than the database.`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${file.file} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
            `${file.checksum.slice(0, 12)}… on disk). Restore the file and add the change as a new migration.`,
        );
      }
    }
    const done = new Set(applied.map((r) => r.version));
    const pending = files.filter((f) => !done.has(f.version));
    for (const file of pending) {
      try {
        await sql.raw(file.sql).execute(trx);
      } catch (err) {
        const hint = /permission denied|must be owner/.test((err as Error).message)
          ? ' This role may not change the schema: run migrations as the owner (DATABASE_MIGRATE_URL, README "PostgreSQL roles").'
          : '';
        throw new MigrationError(
          `Migration ${file.file} failed, nothing was applied: ${(err as Error).message}.${hint}`,
        );
      }
      await trx
        .insertInto('schema_migrations')
        .values({ version: file.version, name: file.name, checksum: file.checksum, applied_at: new Date() })
        .execute();
    }
    return { applied: pending, alreadyApplied: applied.length };
  });
}

/**
 * Grants the server's role (DATABASE_URL) what it needs on the schema the owner just migrated,
 * with audit_log read-and-append only (migration 0023). Run as the owner after every migration run.
 */
export async function grantAppRole(ownerDb: Db, appRole: string): Promise<void> {
  await sql`select apparatus_grant_app_role(${appRole})`.execute(ownerDb);
}
