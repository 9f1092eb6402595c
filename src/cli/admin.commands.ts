// `apparatus migrate`, `apparatus users …`, `apparatus tokens …`, `apparatus audit tail`.
import type { Command } from 'commander';
import { ROLES, type Role } from '../platform/context.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { findUserByName } from '../accounts/accounts.store.ts';
import * as admin from '../accounts/users/users.service.ts';
import * as tokens from '../accounts/tokens/tokens.service.ts';
import { loadConfig } from '../platform/config.ts';
import type { Db } from '../platform/db/db.ts';
import { tail } from '../audit/audit.service.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply pending database migrations (also done at every start)')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async (h) => {
        const result = {
          engine: h.engine,
          location: h.location,
          applied: (h as typeof h & { migrationsApplied: number }).migrationsApplied,
        };
        if (o.json) printJson(result);
        else
          console.log(
            `${result.engine} (${result.location}): ${result.applied} migration(s) applied, schema up to date.`,
          );
      }),
    );

  const users = program.command('users').description('User accounts');
  users
    .command('add')
    .description('Create a user with a role over a unit subtree')
    .argument('<username>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'official code of the unit the grant covers (VN for the whole country)')
    .option('--name <displayName>', 'display name')
    .option('--email <email>')
    .option('--password-env <var>', 'read the password from this environment variable', 'APPARATUS_PASSWORD')
    .option('--json', 'JSON output', false)
    .action((username: string, o) =>
      withDb(o.json, async ({ db }) => {
        if (!ROLES.includes(o.role))
          throw badRequest({
            vi: `Vai trò phải là một trong: ${ROLES.join(', ')}.`,
            en: `The role must be one of: ${ROLES.join(', ')}.`,
          });
        const password = process.env[o.passwordEnv];
        if (!password)
          throw badRequest({
            vi: `Đặt mật khẩu trong biến môi trường ${o.passwordEnv} (không truyền trên dòng lệnh để khỏi lộ).`,
            en: `Put the password in the environment variable ${o.passwordEnv} (not on the command line, where others can see it).`,
          });
        const user = await createUser(db, cliContext(), {
          username,
          displayName: o.name ?? username,
          email: o.email ?? null,
          password,
          grants: [{ role: o.role as Role, unitCode: o.unit }],
        });
        if (o.json) printJson(user);
        else
          console.log(
            `Đã tạo / created ${user.username} (#${user.id}): ${user.grants.map((g) => `${g.role} @ ${g.unitName}`).join(', ')}`,
          );
      }),
    );

  users
    .command('list')
    .description('Users with their roles, a page at a time')
    .option('-q, --query <text>', 'part of the user name, full name or e-mail')
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'from', '0')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const page = await admin.listUsers(db, cliContext(), {
          q: o.query,
          limit: Number(o.limit),
          offset: Number(o.offset),
        });
        if (o.json) return printJson(page);
        printTable(
          page.items.map((u) => ({
            id: u.id,
            username: u.username,
            name: u.displayName,
            active: u.isActive ? 'yes' : 'NO',
            roles: u.grants.map((g) => `${g.role} @ ${g.unitCode}`).join(', '),
            sessions: u.liveSessions,
            tokens: u.liveTokens,
          })),
        );
        console.log(`${page.items.length} / ${page.total}`);
      }),
    );
  for (const [name, what, run] of [
    [
      'deactivate',
      'Switch an account off: its sessions end and its API tokens are revoked at once',
      admin.deactivateUser,
    ],
    ['reactivate', 'Switch an account back on (revoked tokens stay revoked)', admin.reactivateUser],
  ] as const) {
    users
      .command(name)
      .description(what)
      .argument('<username>')
      .option('--json', 'JSON output', false)
      .action((username: string, o) =>
        withDb(o.json, async ({ db }) => {
          const after = await run(db, cliContext(), await userId(db, username));
          if (o.json) printJson(after);
          else
            console.log(`${after.username}: ${after.isActive ? 'đang hoạt động / active' : 'đã khóa / switched off'}`);
        }),
      );
  }
  users
    .command('grant')
    .description('Grant a role over a unit subtree')
    .argument('<username>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'official code of the unit (VN for the whole country)')
    .option('--json', 'JSON output', false)
    .action((username: string, o) =>
      withDb(o.json, async ({ db }) => {
        const after = await admin.addGrant(db, cliContext(), await userId(db, username), {
          role: roleOf(o.role),
          unitCode: o.unit,
        });
        if (o.json) printJson(after);
        else console.log(`${after.username}: ${after.grants.map((g) => `${g.role} @ ${g.unitCode}`).join(', ')}`);
      }),
    );
  users
    .command('revoke-grant')
    .description('Take a role grant away')
    .argument('<username>')
    .requiredOption('--role <role>')
    .requiredOption('--unit <code>')
    .option('--json', 'JSON output', false)
    .action((username: string, o) =>
      withDb(o.json, async ({ db }) => {
        const id = await userId(db, username);
        const page = await admin.listUsers(db, cliContext(), { q: username, limit: 200, offset: 0 });
        const grant = page.items
          .find((u) => u.id === id)
          ?.grants.find((g) => g.role === o.role && g.unitCode === o.unit);
        if (!grant)
          throw notFound({
            vi: `vai trò ${o.role} tại đơn vị ${o.unit} của ${username}`,
            en: `The role ${o.role} at unit ${o.unit} of ${username}`,
          });
        const after = await admin.revokeGrant(db, cliContext(), id, grant.id);
        if (o.json) printJson(after);
        else
          console.log(
            `${after.username}: ${after.grants.map((g) => `${g.role} @ ${g.unitCode}`).join(', ') || '(không còn vai trò / no role left)'}`,
          );
      }),
    );

  const tok = program.command('tokens').description('API tokens (Authorization: Bearer …)');
  tok
    .command('list')
    .description('API tokens of one user, or of everyone')
    .option('--user <username>')
    .option('--all', "every user's tokens", false)
    .option('--include-ended', 'also expired and revoked ones', false)
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const list = await tokens.listApiTokens(db, cliContext(), {
          all: o.all,
          username: o.user,
          includeEnded: o.includeEnded,
        });
        if (o.json) return printJson(list);
        printTable(
          list.items.map((x) => ({
            id: x.id,
            user: x.username,
            name: x.name,
            rights: x.readOnly ? 'read-only' : 'read-write',
            status: x.status,
            expires: new Date(x.expiresAt).toISOString().slice(0, 16),
            lastUsed: x.lastUsedAt ? new Date(x.lastUsedAt).toISOString().slice(0, 16) : null,
          })),
        );
      }),
    );
  tok
    .command('create')
    .description('Make an API token for a user; the value is printed once')
    .requiredOption('--user <username>')
    .requiredOption('--name <name>', 'what it is for')
    .option(
      '--days <n>',
      'lifetime in days (default and maximum: APPARATUS_TOKEN_DEFAULT_DAYS, APPARATUS_TOKEN_MAX_DAYS)',
    )
    .option('--read-only', 'GET only', false)
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const config = loadConfig();
        const made = await tokens.createApiToken(
          db,
          cliContext(),
          {
            name: o.name,
            username: o.user,
            readOnly: o.readOnly,
            expiresInDays: o.days === undefined ? undefined : Number(o.days),
          },
          { defaultDays: config.tokenDefaultDays, maxDays: config.tokenMaxDays },
        );
        if (o.json) return printJson(made);
        console.log(made.token);
        console.error(
          `Mã #${made.id} của ${made.username}, hết hạn ${new Date(made.expiresAt).toISOString()}; chỉ hiện một lần. / Token #${made.id} of ${made.username}, expires ${new Date(made.expiresAt).toISOString()}; shown once.`,
        );
      }),
    );
  tok
    .command('revoke')
    .description('Revoke an API token')
    .argument('<id>')
    .option('--json', 'JSON output', false)
    .action((id: string, o) =>
      withDb(o.json, async ({ db }) => {
        const n = Number(id);
        if (!Number.isSafeInteger(n) || n <= 0)
          throw badRequest({ vi: `Số của mã truy cập không hợp lệ: "${id}".`, en: `Not a token number: "${id}".` });
        const after = await tokens.revokeApiToken(db, cliContext(), n);
        if (o.json) printJson(after);
        else console.log(`#${after.id} ${after.name} (${after.username}): ${after.status}`);
      }),
    );

  const audit = program.command('audit').description('Audit log');
  audit
    .command('tail')
    .description('The latest audit records, oldest first')
    .option('-n, --lines <n>', 'how many', '20')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const rows = await tail(db, cliContext(), Number(o.lines));
        if (o.json) return printJson(rows);
        printTable(
          rows.map((r) => ({
            id: r.id,
            at: r.at,
            actor: r.actor,
            ip: r.ip,
            action: r.action,
            entity: r.entity,
            entityId: r.entityId,
          })),
        );
      }),
    );
}

function roleOf(role: string): Role {
  if (!ROLES.includes(role as Role))
    throw badRequest({
      vi: `Vai trò phải là một trong: ${ROLES.join(', ')}.`,
      en: `The role must be one of: ${ROLES.join(', ')}.`,
    });
  return role as Role;
}

async function userId(db: Db, username: string): Promise<number> {
  const user = await findUserByName(db, username);
  if (!user) throw notFound({ vi: `người dùng "${username}"`, en: `User "${username}"` });
  return user.id;
}
