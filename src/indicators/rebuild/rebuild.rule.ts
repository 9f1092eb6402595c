// Combining the figures of the units a new unit was formed from, by the indicator's rule (issue 14, item 2).
// Pure: the service reads the lineage, the shares and the figures; this decides what may be said.
//   sum            Σ value × share
//   ratio_of_sums  N = Σ numerator × share, D = Σ denominator × share; N / D × factor
//                  (growth: (N / D − 1) × factor, N this period's level and D the last one's, so the
//                  growth of merged Phú Thọ is that of the summed GRDP, not an average of three rates)
//   weighted_mean  Σ value × weight × share / Σ weight × share, the weight being another indicator's figure
//   none           not aggregable: shown as missing, never invented; a unit formed from exactly one whole
//                  predecessor (renamed, retyped, unchanged territory) carries its figure over
// A predecessor that went only in part counts only with an explicit share, and makes the result estimated.
import { add, dec, div, isZero, mul, show, sub, sum, type Dec } from '../values/decimal.ts';
import type { Message } from '../../platform/errors.ts';

export type Aggregation = 'sum' | 'ratio_of_sums' | 'weighted_mean' | 'none';
export type Kind = 'count' | 'amount' | 'ratio' | 'growth' | 'share';
export type ValueStatus = 'provisional' | 'official' | 'estimated' | 'revised';

export interface RuleDefinition {
  kind: Kind;
  aggregation: Aggregation;
  factor: string;
}

export interface Figure {
  value: string;
  numerator: string | null;
  denominator: string | null;
  status: ValueStatus;
}

export interface Piece {
  unit: { id: number; code: string; name: string };
  link: 'whole' | 'part' | 'unchanged' | 'renamed' | 'retyped';
  /** For a 'part' link: the share of the predecessor that went to this unit; null when none is recorded. */
  share: string | null;
  figure: Figure | null;
  /** weighted_mean only: the predecessor's figure of the weight indicator. */
  weight?: string | null;
}

export type Combined =
  | {
      ok: true;
      value: string;
      numerator: string | null;
      denominator: string | null;
      status: ValueStatus;
      estimated: boolean;
    }
  | { ok: false; reason: Message };

const names = (ps: Piece[]) => ps.map((p) => p.unit.name).join(', ');

/** The weakest status wins: estimated, then provisional, then revised, then official. */
export function combinedStatus(statuses: ValueStatus[], apportioned: boolean): ValueStatus {
  if (apportioned || statuses.includes('estimated')) return 'estimated';
  if (statuses.includes('provisional')) return 'provisional';
  if (statuses.includes('revised')) return 'revised';
  return 'official';
}

export function valueFromParts(def: RuleDefinition, n: Dec, d: Dec): Dec {
  const q = div(mul(n, dec(def.factor)), d);
  return def.kind === 'growth' ? sub(q, dec(def.factor)) : q;
}

export function combine(def: RuleDefinition, pieces: Piece[]): Combined {
  if (pieces.length === 0)
    return {
      ok: false,
      reason: { vi: 'Không có đơn vị tiền thân trong sổ đăng ký.', en: 'The registry holds no predecessor.' },
    };
  const unshared = pieces.filter((p) => p.link === 'part' && p.share === null);
  if (unshared.length)
    return {
      ok: false,
      reason: {
        vi: `Thiếu tỷ lệ phân bổ cho phần của ${names(unshared)} nhập vào đơn vị này: không tự chia đều.`,
        en: `No apportioning share is recorded for the part of ${names(unshared)} that went to this unit: it is never split evenly by guess.`,
      },
    };
  const absent = pieces.filter((p) => !p.figure);
  if (absent.length)
    return {
      ok: false,
      reason: { vi: `Chưa có số liệu của ${names(absent)}.`, en: `No figure for ${names(absent)}.` },
    };
  const apportioned = pieces.some((p) => p.link === 'part');
  const status = combinedStatus(
    pieces.map((p) => p.figure!.status),
    apportioned,
  );
  const share = (p: Piece) => (p.link === 'part' ? dec(p.share!) : dec(1));
  const out = (value: Dec, n: Dec | null = null, d: Dec | null = null): Combined => ({
    ok: true,
    value: show(value),
    numerator: n && show(n),
    denominator: d && show(d),
    status,
    estimated: status === 'estimated',
  });

  switch (def.aggregation) {
    case 'none':
      if (pieces.length === 1 && pieces[0].link !== 'part') {
        const f = pieces[0].figure!;
        return { ok: true, ...f, estimated: f.status === 'estimated' };
      }
      return {
        ok: false,
        reason: {
          vi: 'Chỉ tiêu này không cộng gộp được giữa các đơn vị: để trống, không tự tính.',
          en: 'This indicator cannot be combined across units: left missing, not invented.',
        },
      };
    case 'sum':
      return out(sum(pieces.map((p) => mul(dec(p.figure!.value), share(p)))));
    case 'ratio_of_sums': {
      const noParts = pieces.filter((p) => p.figure!.numerator === null);
      if (noParts.length)
        return {
          ok: false,
          reason: {
            vi: `Số liệu của ${names(noParts)} không có tử số và mẫu số nên không gộp được.`,
            en: `The figures of ${names(noParts)} have no numerator and denominator, so they cannot be combined.`,
          },
        };
      const n = sum(pieces.map((p) => mul(dec(p.figure!.numerator!), share(p))));
      const d = sum(pieces.map((p) => mul(dec(p.figure!.denominator!), share(p))));
      if (isZero(d)) return { ok: false, reason: { vi: 'Tổng mẫu số bằng 0.', en: 'The summed denominator is zero.' } };
      return out(valueFromParts(def, n, d), n, d);
    }
    case 'weighted_mean': {
      const noWeight = pieces.filter((p) => p.weight == null);
      if (noWeight.length)
        return {
          ok: false,
          reason: {
            vi: `Chưa có số liệu quyền số của ${names(noWeight)}.`,
            en: `No weight figure for ${names(noWeight)}.`,
          },
        };
      let num = dec(0),
        den = dec(0);
      for (const p of pieces) {
        const w = mul(dec(p.weight!), share(p));
        num = add(num, mul(dec(p.figure!.value), w));
        den = add(den, w);
      }
      if (isZero(den)) return { ok: false, reason: { vi: 'Tổng quyền số bằng 0.', en: 'The summed weight is zero.' } };
      return out(div(num, den));
    }
  }
}
