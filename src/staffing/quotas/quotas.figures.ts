// What one allocation row means on a screen, defined once for every report that
// reads it (rollup, availability, blocks, trend), so two tabs never show the same
// figure two ways:
// - the quota is "not assigned" (null, shown "Chưa giao"), not 0, when the row only
//   carries headcount: no quota, reserve, allocation below or decision;
// - the headcount present is the subtree's latest total (present_below), or null
//   ("no figures", shown "—") when nothing was recorded in the subtree: 0 people
//   present and no report at all are different facts;
// - a figure is illustrative (not official) when its decision says so: demo and
//   scenario figures carry ILLUSTRATIVE_MARK in their decision, source or basis.
// Shares are never computed here: screens write present/quota from these two numbers.
export const ILLUSTRATIVE_MARK = 'MINH HỌA';

export const isIllustrative = (text: string | null | undefined) =>
  text != null && text.toLocaleUpperCase('vi').includes(ILLUSTRATIVE_MARK);

export interface AllocationRow {
  quota: number;
  reserve: number;
  allocated_below: number;
  present: number | null;
  present_below: number;
  decision_ref: string | null;
}

export interface Figures {
  /** The assigned quota; null when none was assigned (the row only holds headcount). */
  quota: number | null;
  reserve: number;
  allocatedBelow: number;
  /** quota − reserve − allocated below: what is left to give; null without a quota. */
  available: number | null;
  /** The subtree's latest headcount; null when none was recorded. */
  present: number | null;
  /** The quota's decision marks it as illustrative (demo or scenario), not official. */
  illustrative: boolean;
}

export const noFigures = (): Figures => ({
  quota: null,
  reserve: 0,
  allocatedBelow: 0,
  available: null,
  present: null,
  illustrative: false,
});

export const quotaAssigned = (r: AllocationRow) =>
  !(r.quota === 0 && r.reserve === 0 && r.allocated_below === 0 && r.decision_ref === null);

export const presentRecorded = (r: AllocationRow) => r.present !== null || r.present_below !== 0;

export function figuresOf(r: AllocationRow): Figures {
  const quota = quotaAssigned(r) ? r.quota : null;
  return {
    quota,
    reserve: r.reserve,
    allocatedBelow: r.allocated_below,
    available: quota === null ? null : quota - r.reserve - r.allocated_below,
    present: presentRecorded(r) ? r.present_below : null,
    illustrative: isIllustrative(r.decision_ref),
  };
}

const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/** The sum of several rows' figures (categories, or the units of a block): a null part adds nothing, all null stays null. */
export function sumFigures(list: Figures[]): Figures {
  const s = noFigures();
  for (const f of list) {
    s.quota = plus(s.quota, f.quota);
    s.reserve += f.reserve;
    s.allocatedBelow += f.allocatedBelow;
    s.available = plus(s.available, f.available);
    s.present = plus(s.present, f.present);
    s.illustrative ||= f.illustrative;
  }
  return s;
}

/** Figures per category and their total, from rows that each carry a category. */
export function byCategory(rows: (AllocationRow & { category: string })[]) {
  const out: Record<string, Figures> = {};
  for (const r of rows) out[r.category] = figuresOf(r);
  return { byCategory: out, total: sumFigures(Object.values(out)) };
}
