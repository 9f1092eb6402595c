// Benefit calculator alone (no database), issue 12's targets: ≤ 1 ms per person (pure function, measured
// alone) and recomputing every person's benefit after a rule-set change at ≥ 50,000 people/s, for 600,000
// people nationally. Run: npm run bench:people [-- people]   (npx tsx bench/people-benefits.ts 600000)
// Beside the pure calculation it times the same recomputation with each person's input validated again by
// zod (what an import or the API does per row), so the cost of validation is seen apart.
import { pathToFileURL } from 'node:url';
import { addMonths, fullMonths } from '../src/people/benefits/benefits.arithmetic.ts';
import { calculateBenefit } from '../src/people/benefits/benefits.calculate.ts';
import { parseBenefitInput, type BenefitInputParsed } from '../src/people/benefits/benefits.schemas.ts';
import { retirementAge } from '../src/people/benefits/retirement-age.ts';
import { measure } from './measure.ts';

/** Small deterministic generator, so two runs compute the same people. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

/**
 * People who are all eligible for the outcome they are given: 40 % early retirement (1 to 120 months before
 * the pension starts, 20 to 35 insured years), 60 % resignation (2 years or more before it), leaving in
 * 2025–2026 up to 20 months after their unit's decision. Salaries from 5 to 40 million đồng, a third of them
 * given by parts with a part that does not count.
 */
export function generatePeople(n: number, seed = 7): BenefitInputParsed[] {
  const rnd = random(seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: BenefitInputParsed[] = [];
  while (out.length < n) {
    const early = rnd() < 0.4;
    const sex = rnd() < 0.5 ? 'm' : 'f';
    const leaveDate = `${pick(2025, 2026)}-${String(pick(1, 12)).padStart(2, '0')}-01`;
    const birthDate = `${pick(early ? 1962 : 1966, early ? 1976 : 1998)}-${String(pick(1, 12)).padStart(2, '0')}-${String(pick(1, 28)).padStart(2, '0')}`;
    const before = fullMonths(leaveDate, retirementAge(birthDate, sex).pensionStart);
    if (early ? before < 1 || before > 120 : before < 24) continue; // not this outcome: draw again
    const salary = pick(5_000, 40_000) * 1_000 + pick(0, 999);
    const byParts = rnd() < 0.33;
    out.push({
      kind: early ? 'early-retirement' : 'resignation',
      ...(byParts
        ? {
            salaryParts: [
              { kind: 'rank-salary', amount: salary },
              { kind: 'public-service', amount: Math.floor(salary / 4) },
              { kind: 'regional', amount: 468_000 },
            ],
          }
        : { salary }),
      birthDate,
      sex,
      leaveDate,
      decisionDate: addMonths(leaveDate, -pick(0, 20)),
      insurance: { years: early ? pick(20, 35) : pick(0, 30), months: pick(0, 11) },
      category: 'civil-servant',
      communeLevel: false,
    });
  }
  return out;
}

/** CPU seconds of this process while `fn` runs: the machine is shared, so wall time alone misleads. */
function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

export async function benchPeopleBenefits(n = 600_000) {
  const people = generatePeople(n);
  const perPerson = await measure(10_000, async (i) => calculateBenefit(people[i % people.length]), 10_000);
  const recompute = (fn: (p: BenefitInputParsed) => { total: number }) => {
    const r = timed(() => {
      let sum = 0;
      for (const p of people) sum += fn(p).total;
      return sum;
    });
    return {
      wallMs: Math.round(r.wallMs),
      cpuMs: Math.round(r.cpuMs),
      perWallSecond: Math.round((people.length / r.wallMs) * 1000),
      perCpuSecond: Math.round((people.length / r.cpuMs) * 1000),
      sum: r.value,
    };
  };
  const pure = recompute(calculateBenefit);
  const validated = recompute((p) => calculateBenefit(parseBenefitInput(p)));
  if (pure.sum !== validated.sum) throw new Error('the two runs disagree');
  return { people: people.length, perPerson, pure, validated, totalDong: pure.sum };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 600_000);
  const r = await benchPeopleBenefits(n);
  const f = (x: number) => x.toLocaleString('en-US');
  console.log(`people: ${f(r.people)}, total benefits ${f(r.totalDong)} VND`);
  console.log(
    `one person (pure function): p50 ${r.perPerson.p50} ms, p95 ${r.perPerson.p95} ms, max ${r.perPerson.max} ms`,
  );
  for (const [name, x] of [
    ['recompute all, pure', r.pure],
    ['recompute all, zod + calculate', r.validated],
  ] as const)
    console.log(
      `${name}: ${f(x.wallMs)} ms wall (${f(x.perWallSecond)} people/s), ${f(x.cpuMs)} ms CPU (${f(x.perCpuSecond)} people per CPU-second)`,
    );
}
