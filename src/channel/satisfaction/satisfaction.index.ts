// The satisfaction index from counts (pure). As SIPAS does, a component's index is the share of satisfied
// answers (4 "satisfied" or 5 "very satisfied") among the answers given to its questions, kept as its two whole
// numbers; the overall index is the mean of the component indices that have answers, given in hundredths of a
// percent, computed exactly in integers (no float division) and rounded half up once.
import { ratio, type Ratio } from '../../platform/formats/percent.ts';
import { COMPONENTS, SMALL_SAMPLE } from './satisfaction.questions.ts';

export interface ComponentCount {
  component: number;
  answers: number;
  satisfied: number;
}
export interface IndexFigures {
  /** Questionnaires returned: the sample size. */
  sample: number;
  smallSample: boolean;
  components: { component: number; answers: number; satisfied: number; index: Ratio }[];
  /** Mean of the component indices with answers, in hundredths of a percent (8125 = 81.25 %); null without answers. */
  overallHundredths: number | null;
}

/** Σ satisfied_i / answers_i over k components, ÷ k, × 10 000, rounded half up: exact with big integers. */
export function meanOfShares(parts: { numerator: number; denominator: number }[]): number | null {
  const used = parts.filter((p) => p.denominator > 0);
  if (used.length === 0) return null;
  const common = used.reduce((l, p) => l * BigInt(p.denominator), 1n);
  const num = used.reduce((s, p) => s + BigInt(p.numerator) * (common / BigInt(p.denominator)), 0n) * 10_000n;
  const den = common * BigInt(used.length);
  return Number((2n * num + den) / (2n * den));
}

export function indexFigures(sample: number, counts: ComponentCount[]): IndexFigures {
  const components = COMPONENTS.map((c) => {
    const k = counts.find((x) => x.component === c.n) ?? { answers: 0, satisfied: 0 };
    return { component: c.n, answers: k.answers, satisfied: k.satisfied, index: ratio(k.satisfied, k.answers) };
  });
  return {
    sample,
    smallSample: sample < SMALL_SAMPLE,
    components,
    overallHundredths: meanOfShares(components.map((c) => c.index)),
  };
}

/** "2026-Q1" for a day; the period of a questionnaire is the quarter it was answered in. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
