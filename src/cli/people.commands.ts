// `apparatus people benefit …`: the Decree 178/67 benefit of one person, every clause with its article and
// amount and the total, in Vietnamese (or --json: the calculator's answer as is). Pure: no database is opened.
// The `people` command is found or created, so other people commands can register beside this one.
import type { Command } from 'commander';
import { badRequest } from '../platform/errors.ts';
import { calculateBenefit } from '../people/benefits/benefits.calculate.ts';
import { dong } from '../people/benefits/benefits.arithmetic.ts';
import { parseBenefitInput } from '../people/benefits/benefits.schemas.ts';
import type { BenefitResult } from '../people/benefits/benefits.schemas.ts';
import { printJson, reportError } from './output.ts';

/** "10705500", "10.705.500" or "10,705,500" → 10705500; anything else is left for zod to refuse. */
function wholeDong(text: string, flag: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t) || /^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  throw badRequest({
    vi: `${flag}: phải là số đồng nguyên (ví dụ 10705500 hoặc 10.705.500), nhận được "${text}".`,
    en: `${flag}: must be whole đồng (e.g. 10705500 or 10,705,500), got "${text}".`,
  });
}

/** "15" → 15 years; "15.3" → 15 years 3 months (months, not a decimal fraction of a year). */
export function insuranceYears(text: string): { years: number; months: number } {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m)
    throw badRequest({
      vi: `--si-years: viết số năm hoặc năm.tháng (15 hoặc 15.3 = 15 năm 3 tháng), nhận được "${text}".`,
      en: `--si-years: write years or years.months (15 or 15.3 = 15 years 3 months), got "${text}".`,
    });
  return { years: Number(m[1]), months: m[2] === undefined ? 0 : Number(m[2]) };
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function printBenefit(r: BenefitResult): void {
  const kind = r.kind === 'early-retirement' ? 'Nghỉ hưu trước tuổi' : 'Nghỉ thôi việc';
  const lines = [
    `Chế độ: ${kind} — ${r.ruleSet.title.vi} (bộ quy tắc ${r.ruleSet.id})`,
    `Tiền lương tháng hiện hưởng: ${dong(r.salary.amount, 'vi')} đ`,
    ...r.salary.counted.filter((c) => c.kind !== 'given').map((c) => `  + ${c.label.vi}: ${dong(c.amount, 'vi')} đ`),
    ...r.salary.notCounted.map((c) => `  (không tính) ${c.label.vi}: ${dong(c.amount, 'vi')} đ`),
    `Tuổi nghỉ hưu (NĐ 135/2020): ${r.retirement.years} tuổi ${r.retirement.months} tháng; hưởng lương hưu từ ${dmy(r.retirement.pensionStart)}`,
    `${r.kind === 'early-retirement' ? 'Số tháng nghỉ sớm' : 'Số tháng còn đến tuổi nghỉ hưu'}: ${r.facts.monthsEarly}${r.facts.monthsEarlySource === 'given' ? ' (nhập tay)' : ''}`,
    `Nghỉ trong 12 tháng đầu kể từ quyết định sắp xếp: ${r.facts.withinFirst12Months ? 'có' : 'không (từ tháng thứ 13)'}`,
    `Thời gian đóng BHXH bắt buộc: ${Math.floor(r.facts.insuranceMonths / 12)} năm ${r.facts.insuranceMonths % 12} tháng`,
    '',
    ...r.clauses.flatMap((c, i) => [
      `${i + 1}. ${c.label.vi} [${c.citation.vi}]`,
      `   ${c.formula.vi}`,
      `   = ${dong(c.amount, 'vi')} đ`,
    ]),
    '',
    `Tổng cộng: ${dong(r.total, 'vi')} đ`,
    ...r.notes.map((n) => `Ghi chú: ${n.vi}`),
  ];
  console.log(lines.join('\n'));
}

export function registerPeopleCommands(program: Command): void {
  const people =
    program.commands.find((c) => c.name() === 'people') ??
    program.command('people').description('Người chịu tác động của sắp xếp / people affected by the reorganisation');
  people
    .command('benefit')
    .description(
      'Tính chế độ theo NĐ 178/2024 (sửa đổi bởi NĐ 67/2025): từng khoản, điều khoản và tổng / the benefit clause by clause and its total',
    )
    .requiredOption('--kind <kind>', 'early-retirement | resignation')
    .requiredOption('--salary <dong>', 'tiền lương tháng hiện hưởng (đồng) / monthly salary (đồng)')
    .requiredOption('--birth <date>', 'ngày sinh YYYY-MM-DD (chỉ biết năm: YYYY-01-01)')
    .requiredOption('--sex <m|f>', 'm (nam) | f (nữ)')
    .requiredOption('--leave-date <date>', 'ngày nghỉ việc / leave date')
    .requiredOption('--decision-date <date>', 'ngày quyết định sắp xếp / reorganisation decision date')
    .requiredOption('--si-years <Y[.M]>', 'năm[.tháng] đóng BHXH bắt buộc (15.3 = 15 năm 3 tháng)')
    .option(
      '--months-early <n>',
      'số tháng nghỉ sớm (thay số tính theo NĐ 135) / months early, overriding the computed figure',
    )
    .option('--settled-on <date>', 'ngày quyết định giải quyết chế độ: chọn bộ quy tắc (mặc định: ngày nghỉ)')
    .option('--rule-set <id>', 'nd178-2024 | nd178-2024-nd67-2025')
    .option('--category <c>', 'cadre | civil-servant | public-employee | contract-worker', 'civil-servant')
    .option('--commune-level', 'cán bộ, công chức cấp xã', false)
    .option('--json', 'JSON output', false)
    .action((o) => {
      try {
        const input = parseBenefitInput({
          kind: o.kind,
          salary: wholeDong(o.salary, '--salary'),
          birthDate: o.birth,
          sex: o.sex,
          leaveDate: o.leaveDate,
          decisionDate: o.decisionDate,
          insurance: insuranceYears(o.siYears),
          monthsEarly: o.monthsEarly === undefined ? undefined : wholeDong(o.monthsEarly, '--months-early'),
          settledOn: o.settledOn,
          ruleSet: o.ruleSet,
          category: o.category,
          communeLevel: Boolean(o.communeLevel),
        });
        const result = calculateBenefit(input);
        if (o.json) printJson(result);
        else printBenefit(result);
      } catch (err) {
        reportError(err, Boolean(o.json));
      }
    });
}
