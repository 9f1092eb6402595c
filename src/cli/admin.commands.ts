// `apparatus migrate`, `apparatus users add`, `apparatus audit tail`.
import type { Command } from 'commander';
import { ROLES, type Role } from '../platform/context.ts';
import { badRequest } from '../platform/errors.ts';
import { createUser } from '../accounts/accounts.service.ts';
import { tail } from '../audit/audit.service.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

export function registerAdminCommands(program: Command) {
  program.command('migrate').description('Apply pending database migrations (also done at every start)')
    .option('--json', 'JSON output', false)
    .action((o) => withDb(o.json, async (h) => {
      const result = { engine: h.engine, location: h.location, applied: (h as typeof h & { migrationsApplied: number }).migrationsApplied };
      if (o.json) printJson(result); else console.log(`${result.engine} (${result.location}): ${result.applied} migration(s) applied, schema up to date.`);
    }));

  const users = program.command('users').description('User accounts');
  users.command('add').description('Create a user with a role over a unit subtree')
    .argument('<username>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'official code of the unit the grant covers (VN for the whole country)')
    .option('--name <displayName>', 'display name')
    .option('--email <email>')
    .option('--password-env <var>', 'read the password from this environment variable', 'APPARATUS_PASSWORD')
    .option('--json', 'JSON output', false)
    .action((username: string, o) => withDb(o.json, async ({ db }) => {
      if (!ROLES.includes(o.role)) throw badRequest({ vi: `Vai trò phải là một trong: ${ROLES.join(', ')}.`, en: `The role must be one of: ${ROLES.join(', ')}.` });
      const password = process.env[o.passwordEnv];
      if (!password) throw badRequest({ vi: `Đặt mật khẩu trong biến môi trường ${o.passwordEnv} (không truyền trên dòng lệnh để khỏi lộ).`, en: `Put the password in the environment variable ${o.passwordEnv} (not on the command line, where others can see it).` });
      const user = await createUser(db, cliContext(), { username, displayName: o.name ?? username, email: o.email ?? null, password, grants: [{ role: o.role as Role, unitCode: o.unit }] });
      if (o.json) printJson(user); else console.log(`Đã tạo / created ${user.username} (#${user.id}): ${user.grants.map((g) => `${g.role} @ ${g.unitName}`).join(', ')}`);
    }));

  const audit = program.command('audit').description('Audit log');
  audit.command('tail').description('The latest audit records, oldest first')
    .option('-n, --lines <n>', 'how many', '20').option('--json', 'JSON output', false)
    .action((o) => withDb(o.json, async ({ db }) => {
      const rows = await tail(db, cliContext(), Number(o.lines));
      if (o.json) return printJson(rows);
      printTable(rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, ip: r.ip, action: r.action, entity: r.entity, entityId: r.entityId })));
    }));
}
