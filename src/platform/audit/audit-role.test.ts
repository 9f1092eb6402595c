// The server works as a role that may only read and append to the audit log
// (issue 9, finding 9): migrations run as the owner (DATABASE_MIGRATE_URL), the
// server's role (DATABASE_URL) cannot UPDATE, DELETE, TRUNCATE, ALTER the table or
// disable or drop its triggers, while the application still works through it:
// sign-in, users, staffing writes (whose database functions insert their own audit
// rows), unit edits, program imports. PostgreSQL only: PGlite has one user.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { openAndMigrate, type OpenedDatabase } from '../runtime.ts';
import { readMigrationFiles } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from '../http/server.ts';
import { recordAudit } from './record.ts';
import { systemContext } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createTestPeriod } from '../../staffing/staffing.fixtures.ts';
import { allocate } from '../../staffing/quotas/quotas.service.ts';

const PASSWORD = 'correct horse battery';

describe.skipIf(!ENGINES.includes('postgres'))(
  'the server role on PostgreSQL may only read and append to audit_log',
  () => {
    let owner: TestDb;
    let app: OpenedDatabase;
    let server: FastifyInstance;
    const role = `apparatus_app_${crypto.randomBytes(4).toString('hex')}`;
    const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL });

    beforeAll(async () => {
      // The owner's database, with nothing migrated yet: the first start migrates it as the owner.
      owner = await createTestDb('postgres', { migrate: false });
      const c = admin();
      await c.connect();
      await c.query(`create role ${role} login`);
      await c.end();
      const appUrl = new URL(owner.url!);
      appUrl.username = role;
      app = await openAndMigrate(loadConfig({ databaseUrl: appUrl.toString(), migrateUrl: owner.url }));
      const u = await seedMiniRegistry(owner.db); // reference data, loaded by the owner like an import
      const sys = systemContext('test');
      await createUser(app.db, sys, {
        username: 'admin',
        displayName: 'Admin',
        password: PASSWORD,
        grants: [{ role: 'system_admin', unitCode: 'VN' }],
      });
      await createTestPeriod(app.db);
      await allocate(app.db, sys, { period: '2022-2026', category: 'commune_cadre', unitId: u.vn, quota: 200 });
      server = await buildServer(app, loadConfig(), { logger: false });
    });
    afterAll(async () => {
      await server?.close();
      await app?.close();
      await owner?.drop();
      const c = admin();
      await c.connect();
      await c.query(`drop role if exists ${role}`);
      await c.end();
    });

    it('connects as its own role, which does not own audit_log, and says nothing is wrong', async () => {
      const who = await sql<{
        me: string;
        owner: string;
      }>`select current_user as me, pg_get_userbyid(relowner) as owner from pg_class where oid = 'audit_log'::regclass`.execute(
        app.db,
      );
      expect(who.rows[0].me).toBe(role);
      expect(who.rows[0].owner).not.toBe(role);
      expect(app.auditNote).toBeNull();
      expect(app.migrationsApplied).toBe(readMigrationFiles().length);
    });

    it('refuses UPDATE, DELETE, TRUNCATE, ALTER, disabling or dropping triggers and replication mode on audit_log', async () => {
      await recordAudit(app.db, systemContext('test'), {
        action: 'test.append',
        entity: 'thing',
        before: { a: 1 },
        after: { a: 2 },
      });
      const denied = /permission denied|must be owner/;
      for (const statement of [
        sql`update audit_log set actor = 'someone else'`,
        sql`delete from audit_log`,
        sql`truncate audit_log`,
        sql`alter table audit_log disable trigger all`,
        sql`alter table audit_log disable trigger audit_log_no_update_delete`,
        sql`drop trigger audit_log_no_truncate on audit_log`,
        sql`alter table audit_log add column note text`,
        sql`alter table audit_log rename to old_audit_log`,
        sql`create trigger sneaky before insert on audit_log for each row execute function audit_log_refuse_change()`,
        sql`drop table audit_log`,
        sql`set session_replication_role = replica`,
        sql`select apparatus_grant_app_role(current_user)`,
        sql`insert into schema_migrations (version, name, checksum) values (9999, 'x', 'x')`,
      ]) {
        await expect(statement.execute(app.db), statement.compile(app.db).sql).rejects.toThrow(denied);
      }
      const still = await app.db.selectFrom('audit_log').selectAll().where('action', '=', 'test.append').execute();
      expect(still).toHaveLength(1);
      expect(still[0]).toMatchObject({ actor: 'test', before: { a: 1 }, after: { a: 2 } });
    });

    it('still does its normal work through the API: sign-in, users, staffing functions, unit edits, a program import', async () => {
      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const headers = {
        cookie: `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
        'x-csrf-token': login.json().csrfToken,
      };
      const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
        server.inject({ method, url, payload, headers });
      expect(
        (
          await call('POST', '/api/users', {
            username: 'can-bo',
            displayName: 'Cán bộ',
            password: 'mat-khau-dai-du',
            grants: [{ role: 'viewer', unitCode: '01' }],
          })
        ).statusCode,
      ).toBeLessThan(300);
      const unitId = (await app.db.selectFrom('units').select('id').where('code', '=', '01').executeTakeFirstOrThrow())
        .id;
      expect(
        (
          await call('POST', '/api/staffing/allocations', {
            period: '2022-2026',
            category: 'commune_cadre',
            unitId,
            quota: 120,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await call('POST', '/api/staffing/present', {
            period: '2022-2026',
            category: 'commune_cadre',
            unitId,
            asOf: '2025-12-31',
            present: 110,
          })
        ).statusCode,
      ).toBe(200);
      expect((await call('PATCH', `/api/units/${unitId}`, { adminCentre: 'Số 12 Lê Lai' })).statusCode).toBe(200);
      const imported = await call('POST', '/api/programs/import', {
        program: {
          code: 'CT-ROLE',
          titleVi: 'Chương trình',
          issuingBody: 'Chính phủ',
          periodStart: '2026-01-01',
          periodEnd: '2030-12-31',
        },
        text: 'I. MỤC TIÊU\n1. Hoàn thiện thể chế trong quý IV/2026.',
        effectiveDate: '2026-01-15',
      });
      expect(imported.statusCode).toBe(201);
      // Each change wrote its audit row, as the server's role; the staffing ones from inside the database functions.
      const actions = (await app.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
      for (const a of [
        'auth.login',
        'users.create',
        'staffing.allocate',
        'staffing.present',
        'units.update',
        'program.import',
      ])
        expect(actions).toContain(a);
    });

    it("works the job queue as its own role: the owner installed pg-boss's schema with the migrations", async () => {
      // The import above made CT-ROLE: its annual report runs as a job queued, claimed and finished by the server's role.
      await server.jobs.start({ work: true });
      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: PASSWORD },
      });
      const headers = {
        cookie: `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
        'x-csrf-token': login.json().csrfToken,
      };
      const started = await server.inject({
        method: 'POST',
        url: '/api/program/annual-reports',
        payload: { year: 2026, program: 'CT-ROLE', format: 'docx' },
        headers,
      });
      expect(started.statusCode).toBe(202);
      for (;;) {
        const job = (await server.inject({ url: `/api/jobs/${started.json().id}`, headers })).json();
        if (job.state === 'done' || job.state === 'failed') {
          expect(job).toMatchObject({ state: 'done', error: null });
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const owners = await sql<{
        owner: string;
      }>`select distinct pg_get_userbyid(relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'pgboss'`.execute(
        app.db,
      );
      expect(owners.rows.map((r) => r.owner)).not.toContain(role);
    }, 60_000);

    it('refuses to start when both URLs are the same role, and on PGlite with only the owner URL', async () => {
      await expect(openAndMigrate(loadConfig({ databaseUrl: owner.url, migrateUrl: owner.url }))).rejects.toThrow(
        /both connect as/,
      );
      await expect(openAndMigrate(loadConfig({ databaseUrl: null, migrateUrl: owner.url }))).rejects.toThrow(
        /DATABASE_MIGRATE_URL is set but DATABASE_URL is not/,
      );
    });
  },
);
