// `apparatus people import|list|export|outcome`: the register of people affected by the reorganisation and each
// person's outcome (issue 12). The CLI is the operator at the shell (full rights, audited as cli:<user>); ID numbers
// stay masked in its output too. Attaches to the `people` command when another file made it (people.commands.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Db } from '../platform/db/db.ts';
import { badRequest, notFound, parseIsoDate } from '../platform/errors.ts';
import { findUnitByCode, countryUnit } from '../units/registry/registry.store.ts';
import { readRegisterFile } from '../people/register/register.sheet.ts';
import { BEFORE_REFORM, importRegister, listRegister } from '../people/register/register.service.ts';
import { exportRegister } from '../people/register/register.export.ts';
import { ListQuery } from '../people/register/register.schemas.ts';
import { OutcomeBody } from '../people/outcomes/outcomes.schemas.ts';
import { recordOutcome } from '../people/outcomes/outcomes.service.ts';
import { AppError } from '../platform/errors.ts';
import { ensureReferenceData } from '../units/import/import.service.ts';
import { VN_DATA_DIR } from './demo.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

/** The official registry, loaded once on a database that has none. */
async function ensureRegistry(db: Db) {
  if (!(await countryUnit(db))) await ensureReferenceData(db, VN_DATA_DIR);
}

async function unitId(db: Db, code: string, asOf: string) {
  await ensureRegistry(db);
  const u = await findUnitByCode(db, code, asOf);
  if (!u)
    throw notFound({
      vi: `đơn vị mã ${code} hiệu lực ngày ${asOf}`,
      en: `A unit with code ${code} in force on ${asOf}`,
    });
  return u.id;
}

function printRefusedRows(err: unknown) {
  if (err instanceof AppError && Array.isArray(err.extra.rows))
    for (const r of err.extra.rows as { row: number; reasons: { vi: string; en: string }[] }[])
      console.error(
        `  dòng / row ${r.row}: ${r.reasons.map((x) => x.vi).join('; ')}\n      ${r.reasons.map((x) => x.en).join('; ')}`,
      );
}

export function registerPeopleRegisterCommands(program: Command) {
  const people =
    program.commands.find((c) => c.name() === 'people') ??
    program.command('people').description('Người chịu tác động của sắp xếp / people affected by the reorganisation');

  people
    .command('import')
    .description(
      'Import a register (.xlsx, the layout of `people export`), all or nothing; exit code 2 lists every bad row',
    )
    .argument('<file>')
    .option('--unit <code>', 'the unit whose register it is (rows may name units under it); default: the country')
    .option('--as-of <date>', 'date on which unit codes are read (before the reform)', BEFORE_REFORM)
    .option('--dry-run', 'check everything, save nothing', false)
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        const asOf = parseIsoDate(o.asOf, '--as-of');
        await ensureRegistry(db);
        const root = o.unit ? await unitId(db, o.unit, asOf) : (await countryUnit(db))?.id;
        if (root === undefined) throw notFound({ vi: 'đơn vị cả nước', en: 'The country unit' });
        const sheet = await readRegisterFile(fs.readFileSync(file));
        try {
          const r = await importRegister(db, cliContext(), sheet, {
            unitId: root,
            dryRun: Boolean(o.dryRun),
            source: path.basename(file),
            asOf,
          });
          if (o.json) printJson(r);
          else {
            console.log(
              `${r.dryRun ? 'Kiểm tra (chưa lưu) / checked, not saved' : 'Đã nhập / imported'}: ${r.rows} người / people, ${r.inserted} mới / new, ${r.updated} cập nhật / updated`,
            );
            if (r.devKey)
              console.error(
                'Cảnh báo: chưa đặt APPARATUS_PII_KEY, số định danh mã hóa bằng khóa phát triển công khai / warning: public development key',
              );
          }
        } catch (err) {
          if (!o.json) printRefusedRows(err);
          throw err;
        }
      }),
    );

  people
    .command('list')
    .description("A unit subtree's register (ID numbers masked; the view is audited)")
    .requiredOption('--unit <code>')
    .option('--as-of <date>', 'date on which the unit code is read', BEFORE_REFORM)
    .option('--outcome <kind>', 'placed, early_retirement, resignation, until_retirement, part_time_ended or none')
    .option('--limit <n>', 'rows', '100')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const id = await unitId(db, o.unit, parseIsoDate(o.asOf, '--as-of'));
        const r = await listRegister(
          db,
          cliContext(),
          ListQuery.parse({ unitId: id, outcome: o.outcome, limit: o.limit }),
        );
        if (o.json) printJson(r);
        else
          printTable(
            r.items.map((p) => ({
              id: p.id,
              unit: p.unitCode,
              name: p.fullName,
              id_no: p.idNumberMasked,
              category: p.category,
              salary: p.salaryCoef,
              outcome: p.outcome?.kind ?? '',
            })),
          );
      }),
    );

  people
    .command('export')
    .description('Export the register with personal data (.xlsx, the import layout); audited with its row count')
    .requiredOption('--unit <code>')
    .requiredOption('--out <file.xlsx>')
    .option('--as-of <date>', 'date on which the unit code is read', BEFORE_REFORM)
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const r = await exportRegister(db, cliContext(), await unitId(db, o.unit, parseIsoDate(o.asOf, '--as-of')));
        fs.writeFileSync(o.out, r.content);
        if (o.json) printJson({ file: o.out, rows: r.rowCount });
        else console.log(`${o.out}: ${r.rowCount} người / people`);
      }),
    );

  people
    .command('outcome')
    .description("Record a person's outcome with its decision (placement checked against the receiving unit's quota)")
    .argument('<personId>')
    .requiredOption('--kind <kind>', 'placed | early_retirement | resignation | until_retirement | part_time_ended')
    .option('--unit <code>', 'receiving unit (placed), read on the start date')
    .option('--position <text>', 'position in the receiving unit (placed)')
    .option('--start <date>', 'start date in the receiving unit (placed)')
    .option('--staffing-category <code>', 'quota category to take (default: from the category and the unit level)')
    .requiredOption('--decision <number>', 'decision number')
    .requiredOption('--decision-date <date>')
    .requiredOption('--signer <text>', 'who signed the decision')
    .option('--voluntary', 'the person asked to leave (lifts the pregnancy and young-child exclusions)', false)
    .option('--leave-date <date>', 'early_retirement / resignation: the leave date (the benefit is computed)')
    .option('--reorganisation-date <date>', "early_retirement / resignation: the reorganisation decision's date")
    .option('--json', 'JSON output', false)
    .action((personId: string, o) =>
      withDb(o.json, async ({ db }) => {
        const receivingUnitId =
          o.kind === 'placed' && o.unit && o.start
            ? await unitId(db, o.unit, parseIsoDate(o.start, '--start'))
            : undefined;
        const parsed = OutcomeBody.safeParse({
          kind: o.kind,
          receivingUnitId,
          receivingPosition: o.position,
          startDate: o.start,
          staffingCategory: o.staffingCategory,
          decisionNumber: o.decision,
          decisionDate: o.decisionDate,
          decisionSigner: o.signer,
          voluntary: Boolean(o.voluntary),
          leaveDate: o.leaveDate,
          reorganisationDate: o.reorganisationDate,
        });
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => {
            const [vi, en = vi] = i.message.split(' / ');
            return { vi: `${i.path.join('.')}: ${vi}`, en: `${i.path.join('.')}: ${en}` };
          });
          throw badRequest({ vi: issues.map((i) => i.vi).join('; '), en: issues.map((i) => i.en).join('; ') });
        }
        const body = parsed.data;
        const r = await recordOutcome(db, cliContext(), Number(personId), body);
        if (o.json) printJson(r);
        else {
          console.log(
            `Đã ghi / recorded: người / person ${r.personId}: ${r.kind}${r.replaced ? ' (thay kết quả trước / replaced)' : ''}`,
          );
          if (r.quota)
            console.log(
              `  Biên chế / quota ${r.quota.category} ${r.quota.period}: giao / quota ${r.quota.quota}, dự phòng / reserve ${r.quota.reserve}, có mặt / present ${r.quota.present ?? 0}, bố trí thêm / placed ${r.quota.placedSince + 1}, còn / left ${r.quota.available}`,
            );
          if (r.benefit)
            console.log(
              `  Chế độ / benefit (${r.benefit.ruleSet}, lương cơ sở / base ${r.benefit.baseSalary.toLocaleString('vi-VN')} đ): ${r.benefit.total.toLocaleString('vi-VN')} đồng`,
            );
        }
      }),
    );
}
