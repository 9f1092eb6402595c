// Results of a consultation from exact counts. An approval rate is agree ÷ (agree + disagree) kept as its two
// whole numbers (platform/formats/percent.ts); screens and the Word report round it, the data never does.
// People who did not vote on a question are not in its denominator (an abstention is not a "disagree").
import { ratio, type Ratio } from '../../platform/formats/percent.ts';

export interface Tally {
  agree: number;
  disagree: number;
}
export interface TallyOut extends Tally {
  votes: number;
  approval: Ratio;
}

export const tallyOut = (t: Tally): TallyOut => ({
  agree: t.agree,
  disagree: t.disagree,
  votes: t.agree + t.disagree,
  approval: ratio(t.agree, t.agree + t.disagree),
});

/** Adds count rows (one per group and question) into tallies keyed by `key(row)`. */
export function addUp<R extends { choice: string; n: number }>(rows: R[], key: (r: R) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of rows) {
    const k = key(r);
    const t = out.get(k) ?? { agree: 0, disagree: 0 };
    if (r.choice === 'agree') t.agree += r.n;
    else if (r.choice === 'disagree') t.disagree += r.n;
    out.set(k, t);
  }
  return out;
}

/** Is a consultation open on `day` (opens_on ≤ day ≤ closes_on, both inclusive)? */
export const isOpen = (c: { opens_on: string; closes_on: string }, day: string) =>
  c.opens_on <= day && day <= c.closes_on;
