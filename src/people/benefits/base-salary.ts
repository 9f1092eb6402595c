// The State base salary (mức lương cơ sở) by date, from data/people/base-salary.csv (sources in its README):
// 2,340,000 đ a month from 01/07/2024 under Decree 73/2024/NĐ-CP. A stored coefficient becomes đồng as
// coefficient × the base salary in force on the leave date, exactly (coefficients have two decimals).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pay } from './benefits.arithmetic.ts';

export interface BaseSalary {
  validFrom: string;
  amount: number;
  legalBasis: string;
}

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../data/people/base-salary.csv');

function load(): BaseSalary[] {
  const [, ...lines] = fs.readFileSync(FILE, 'utf8').trim().split('\n');
  const rows = lines.map((l) => {
    const [validFrom, amount, legalBasis] = l.split(',');
    return { validFrom, amount: Number(amount), legalBasis: legalBasis.trim() };
  });
  for (const r of rows)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.validFrom) || !Number.isSafeInteger(r.amount) || r.amount % 100 !== 0)
      throw new Error(`data/people/base-salary.csv: bad row ${JSON.stringify(r)}`);
  return rows.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

export const BASE_SALARIES: readonly BaseSalary[] = load();

/** The base salary in force on `date`, or undefined before the first row. */
export function baseSalaryOn(date: string): BaseSalary | undefined {
  let found: BaseSalary | undefined;
  for (const r of BASE_SALARIES) if (r.validFrom <= date) found = r;
  return found;
}

/** coefficient × base, in đồng: the coefficient as hundredths (numeric(5,2)), so the product is exact. */
export function coefficientAmount(coef: number | string, base: number): number {
  const hundredths = Math.round(Number(coef) * 100);
  return pay(base, hundredths);
}
