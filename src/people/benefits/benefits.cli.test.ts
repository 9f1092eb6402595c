// `apparatus people benefit`: every clause and the total in Vietnamese, --json, and refusals with exit code 2.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli.testing.ts';
import { insuranceYears, registerPeopleCommands } from '../../cli/people.commands.ts';

const example = [
  'people',
  'benefit',
  '--kind',
  'resignation',
  '--salary',
  '10.705.500',
  '--birth',
  '1985-06-20',
  '--sex',
  'm',
  '--leave-date',
  '2025-05-01',
  '--decision-date',
  '2025-03-01',
  '--si-years',
  '15',
];

describe('people benefit', () => {
  it('prints each clause with its article and the total of the published example', async () => {
    const { out, code } = await runCli(registerPeopleCommands, ...example);
    expect(code).toBe(0);
    expect(out).toContain('1. Trợ cấp thôi việc [Điều 9 khoản 1 NĐ 178/2024/NĐ-CP');
    expect(out).toContain('= 513.864.000 đ');
    expect(out).toContain('= 240.873.750 đ');
    expect(out).toContain('= 32.116.500 đ');
    expect(out).toContain('Tổng cộng: 786.854.250 đ');
  });

  it('--json gives the structured answer; --months-early overrides the computed figure', async () => {
    const { out } = await runCli(
      registerPeopleCommands,
      ...example,
      '--kind',
      'early-retirement',
      '--birth',
      '1966-01-15',
      '--si-years',
      '22',
      '--months-early',
      '31',
      '--json',
    );
    const r = JSON.parse(out);
    expect(r.facts).toMatchObject({ monthsEarly: 31, monthsEarlySource: 'given' });
    expect(r.clauses.map((c: { months: string }) => c.months)).toEqual(['31', '15', '6']);
    expect(r.total).toBe((31 + 15 + 6) * 10_705_500);
  });

  it('refuses bad input in both languages with exit code 2', async () => {
    const { err, code } = await runCli(registerPeopleCommands, ...example, '--sex', 'x');
    expect(code).toBe(2);
    expect(err).toContain('Lỗi: Vui lòng sửa: «sex» giới tính phải là m (nam) hoặc f (nữ)');
    expect(err).toContain('Error: Please correct: "sex" sex must be m or f');
    const bad = await runCli(registerPeopleCommands, ...example, '--si-years', '15,5');
    expect(bad.err).toContain('--si-years: viết số năm hoặc năm.tháng');
  });

  it('reads --si-years as years and months', () => {
    expect(insuranceYears('15')).toEqual({ years: 15, months: 0 });
    expect(insuranceYears('15.3')).toEqual({ years: 15, months: 3 });
    expect(insuranceYears('15.10')).toEqual({ years: 15, months: 10 });
  });
});
