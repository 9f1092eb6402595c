// Opens the configured database and brings its schema up to date: the first
// step of every entry point (server, CLI, benchmarks). On PostgreSQL with
// DATABASE_MIGRATE_URL, migrations run as the schema's owner and the server then
// works as the role of DATABASE_URL, which may only read and append to audit_log
// (migration 0023, README "PostgreSQL roles"); otherwise one role does both.
import { sql } from 'kysely';
import type { Config } from './config.ts';
import { openDatabase, redactUrl, type DatabaseHandle } from './db/db.ts';
import { grantAppRole, migrate } from './db/migrate.ts';
import { installJobsSchema } from './jobs/jobs.service.ts';

export interface OpenedDatabase extends DatabaseHandle {
  migrationsApplied: number;
  /** Set when the audit log is not protected by role separation: say so at start. */
  auditNote: string | null;
}

export async function openAndMigrate(config: Config): Promise<OpenedDatabase> {
  if (config.migrateUrl && !config.databaseUrl) {
    throw new Error(
      "DATABASE_MIGRATE_URL is set but DATABASE_URL is not. The owner/server role separation is for PostgreSQL: set DATABASE_URL to the server role's URL, or unset DATABASE_MIGRATE_URL to use the embedded database (PGlite, one user).",
    );
  }
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (!config.migrateUrl) {
      const result = await migrate(handle.db);
      const note =
        handle.engine === 'postgres' && (await ownsAuditLog(handle))
          ? `Cảnh báo / warning: the server connects as the owner of audit_log or a superuser (${handle.location}), so it could disable the audit log's triggers. Give the server its own role and set DATABASE_MIGRATE_URL to the owner's URL (README, "PostgreSQL roles").`
          : null;
      return { ...handle, migrationsApplied: result.applied.length, auditNote: note };
    }
    const appRole = (await sql<{ r: string }>`select current_user as r`.execute(handle.db)).rows[0].r;
    const owner = await openDatabase({ databaseUrl: config.migrateUrl, poolSize: 1 });
    let applied: number;
    try {
      const ownerRole = (await sql<{ r: string }>`select current_user as r`.execute(owner.db)).rows[0].r;
      if (ownerRole === appRole) {
        throw new Error(
          `DATABASE_URL and DATABASE_MIGRATE_URL both connect as "${appRole}": the server's role must be another role than the owner's (README, "PostgreSQL roles").`,
        );
      }
      applied = (await migrate(owner.db)).applied.length;
      await grantAppRole(owner.db, appRole);
      await installJobsSchema(config.migrateUrl, appRole);
    } catch (err) {
      throw new Error(`Migrating as the owner (${redactUrl(config.migrateUrl)}) failed: ${(err as Error).message}`, {
        cause: err,
      });
    } finally {
      await owner.close();
    }
    return {
      ...handle,
      migrationsApplied: applied,
      auditNote: (await ownsAuditLog(handle))
        ? `Cảnh báo / warning: the server's role (${handle.location}) is a superuser or a member of the owner's role, so it could still disable the audit log's triggers (README, "PostgreSQL roles").`
        : null,
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

async function ownsAuditLog(handle: DatabaseHandle): Promise<boolean> {
  const r = await sql<{
    owns: boolean;
  }>`select pg_has_role(current_user, c.relowner, 'usage') as owns from pg_class c where c.oid = 'audit_log'::regclass`.execute(
    handle.db,
  );
  return r.rows[0]?.owns ?? false;
}
