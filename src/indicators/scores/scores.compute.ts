// The score of one leader for one period (pure): every term with its points, its maximum, how it was
// computed, the evidence ids it rests on and the clause it follows. Nothing here reads the database: the
// store gathers the evidence (accepted reports only, official indicator figures only), this file judges it.
import { CITES, gradeOf, type Citation, type Grade, type RuleSet } from './scores.rules.ts';

export interface TaskEvidence {
  taskId: number;
  weight: number;
  dueDate: string;
  /** The accepted report that recorded completion, and its date; null: not completed in the period. */
  reportId: number | null;
  completedOn: string | null;
  /** Major errors found in the product (entered with their decision); exempt: an objective cause certified. */
  majorErrors: { id: number; exemptionId: number | null }[];
  /** A late completion with a certified objective cause does not count as a delay. */
  delayExemptionId: number | null;
}
export interface TargetEvidence {
  targetId: number;
  indicatorCode: string;
  /** The official figure judged; null: no official figure, counted as not achieved. */
  valueId: number | null;
  achieved: boolean;
}
export interface RatingEvidence {
  id: number;
  kind: 'superior' | 'peer';
  /** 0–100 */
  score: number;
  decision: string;
}
export interface VoteEvidence {
  id: number;
  high: number;
  medium: number;
  low: number;
  decision: string;
}
/** The public channel, pluggable: null parts where the channel has no data for the unit and period. */
export interface PublicEvidence {
  satisfaction: { answers: number; satisfied: number; surveyIds: number[] } | null;
  answers: { due: number; onTime: number; itemIds: number[] } | null;
}
export interface Evidence {
  tasks: TaskEvidence[];
  targets: TargetEvidence[];
  ratings: RatingEvidence[];
  votes: VoteEvidence[];
  public: PublicEvidence;
  /** Units merged into the leader's unit (lineage), for the disruption adjustment. */
  inherited: { unitIds: number[]; eventId: number | null };
}

export interface EvidenceRef {
  kind:
    | 'task'
    | 'report'
    | 'error'
    | 'exemption'
    | 'target'
    | 'value'
    | 'rating'
    | 'vote'
    | 'survey'
    | 'feedback'
    | 'unit'
    | 'lineage_event';
  id: number;
}
export interface Term {
  key: string;
  label: { vi: string; en: string };
  points: number;
  max: number;
  /** How the points were computed, with the figures, in both languages. */
  how: { vi: string; en: string };
  evidence: EvidenceRef[];
  cite: Citation;
}
export interface ScoreResult {
  ruleSet: string;
  total: number;
  /** General (30) and results (70) subtotals, before the adjustment. */
  general: number;
  results: number;
  grade: Grade;
  terms: Term[];
  /** Missing evidence that a personnel committee must look at before the grade is final. */
  flags: string[];
}

/** Half-up to hundredths; terms are rounded once each and the total is the sum of the rounded terms. */
export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const pct = (x: number) => `${round2(x * 100)}%`;

export function computeScore(rules: RuleSet, ev: Evidence): ScoreResult {
  const flags: string[] = [];
  const terms: Term[] = [];
  const W = ev.tasks.reduce((s, t) => s + t.weight, 0);
  const done = ev.tasks.filter((t) => t.completedOn !== null);

  // General criteria (30): weighted mean of the sources present; a missing source's weight goes to the others.
  const superior = ev.ratings.filter((r) => r.kind === 'superior');
  const peers = ev.ratings.filter((r) => r.kind === 'peer');
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const votes = ev.votes.reduce(
    (a, v) => ({ h: a.h + v.high, m: a.m + v.medium, n: a.n + v.high + v.medium + v.low }),
    { h: 0, m: 0, n: 0 },
  );
  const pub: number[] = [];
  if (ev.public.satisfaction && ev.public.satisfaction.answers > 0)
    pub.push(ev.public.satisfaction.satisfied / ev.public.satisfaction.answers);
  if (ev.public.answers && ev.public.answers.due > 0) pub.push(ev.public.answers.onTime / ev.public.answers.due);
  const w = rules.general.weights;
  const sources: { key: keyof typeof w; share: number | null; refs: EvidenceRef[]; vi: string; en: string }[] = [
    {
      key: 'superior',
      share: superior.length ? mean(superior.map((r) => r.score)) / 100 : null,
      refs: superior.map((r) => ({ kind: 'rating', id: r.id })),
      vi: 'cấp trên đánh giá',
      en: 'superior rating',
    },
    {
      key: 'peers',
      share: peers.length ? mean(peers.map((r) => r.score)) / 100 : null,
      refs: peers.map((r) => ({ kind: 'rating', id: r.id })),
      vi: 'đồng cấp đánh giá',
      en: 'peer ratings',
    },
    {
      key: 'confidence',
      share: votes.n ? (votes.h + votes.m / 2) / votes.n : null,
      refs: ev.votes.map((v) => ({ kind: 'vote', id: v.id })),
      vi: 'lấy phiếu tín nhiệm (cao + ½ trung bình)',
      en: 'confidence votes (high + ½ medium)',
    },
    {
      key: 'public',
      share: pub.length ? mean(pub) : null,
      refs: [
        ...(ev.public.satisfaction?.surveyIds ?? []).map((id) => ({ kind: 'survey' as const, id })),
        ...(ev.public.answers?.itemIds ?? []).map((id) => ({ kind: 'feedback' as const, id })),
      ],
      vi: 'người dân (hài lòng, trả lời đúng hạn)',
      en: 'the public (satisfaction, on-time answers)',
    },
  ];
  const present = sources.filter((s) => s.share !== null);
  const presentWeight = present.reduce((s, x) => s + w[x.key], 0);
  for (const s of sources) {
    if (s.share === null) {
      flags.push(`general.${s.key}.missing`);
      terms.push({
        key: `general.${s.key}`,
        label: { vi: `Tiêu chí chung — ${s.vi}`, en: `General criteria — ${s.en}` },
        points: 0,
        max: 0,
        how: {
          vi: 'Không có dữ liệu: trọng số chuyển cho các nguồn còn lại',
          en: 'No data: its weight goes to the other sources',
        },
        evidence: [],
        cite: CITES.generalSources,
      });
      continue;
    }
    const max = (rules.general.max * w[s.key]) / presentWeight;
    terms.push({
      key: `general.${s.key}`,
      label: { vi: `Tiêu chí chung — ${s.vi}`, en: `General criteria — ${s.en}` },
      points: round2(max * s.share),
      max: round2(max),
      how: { vi: `${pct(s.share)} × ${round2(max)} điểm`, en: `${pct(s.share)} × ${round2(max)} points` },
      evidence: s.refs,
      cite: CITES.general,
    });
  }

  // Quantity: tasks completed (by weight) and indicator targets achieved, over those assigned.
  const taskShare = W > 0 ? done.reduce((s, t) => s + t.weight, 0) / W : null;
  const targetShare = ev.targets.length ? ev.targets.filter((t) => t.achieved).length / ev.targets.length : null;
  let qShare = 0;
  let qHow = {
    vi: 'Không có nhiệm vụ hay chỉ tiêu được giao trong kỳ',
    en: 'No task or target assigned in the period',
  };
  if (taskShare !== null && targetShare !== null) {
    qShare = (1 - rules.indicatorShare) * taskShare + rules.indicatorShare * targetShare;
    qHow = {
      vi: `${pct(1 - rules.indicatorShare)} × ${pct(taskShare)} nhiệm vụ hoàn thành + ${pct(rules.indicatorShare)} × ${pct(targetShare)} chỉ tiêu đạt`,
      en: `${pct(1 - rules.indicatorShare)} × ${pct(taskShare)} tasks completed + ${pct(rules.indicatorShare)} × ${pct(targetShare)} targets met`,
    };
  } else if (taskShare !== null) {
    qShare = taskShare;
    qHow = {
      vi: `${pct(taskShare)} nhiệm vụ hoàn thành (theo trọng số)`,
      en: `${pct(taskShare)} of tasks completed (by weight)`,
    };
  } else if (targetShare !== null) {
    qShare = targetShare;
    qHow = { vi: `${pct(targetShare)} chỉ tiêu đạt`, en: `${pct(targetShare)} of targets met` };
  } else flags.push('results.no_evidence');
  terms.push({
    key: 'results.quantity',
    label: { vi: 'Kết quả — số lượng', en: 'Results — quantity' },
    points: round2(rules.results.quantity * qShare),
    max: rules.results.quantity,
    how: { vi: `${qHow.vi} × ${rules.results.quantity}`, en: `${qHow.en} × ${rules.results.quantity}` },
    evidence: [
      ...ev.tasks.flatMap((t) => [
        { kind: 'task' as const, id: t.taskId },
        ...(t.reportId ? [{ kind: 'report' as const, id: t.reportId }] : []),
      ]),
      ...ev.targets.flatMap((t) => [
        { kind: 'target' as const, id: t.targetId },
        ...(t.valueId ? [{ kind: 'value' as const, id: t.valueId }] : []),
      ]),
    ],
    cite: CITES.quantity,
  });

  // Quality and timeliness: each completed task carries its weight's part of the points; −25 % per major error
  // (per delay) of that task's part, unless exempted; a task's part never goes below zero.
  const perTask = (max: number, t: TaskEvidence) => (W > 0 ? (max * t.weight) / W : 0);
  let quality = 0;
  let errors = 0;
  let exempted = 0;
  const qRefs: EvidenceRef[] = [];
  for (const t of done) {
    const counted = t.majorErrors.filter((e) => e.exemptionId === null).length;
    errors += counted;
    exempted += t.majorErrors.length - counted;
    quality += perTask(rules.results.quality, t) * Math.max(0, 1 - rules.errorDeduction * counted);
    qRefs.push({ kind: 'task', id: t.taskId });
    for (const e of t.majorErrors) {
      qRefs.push({ kind: 'error', id: e.id });
      if (e.exemptionId) qRefs.push({ kind: 'exemption', id: e.exemptionId });
    }
  }
  terms.push({
    key: 'results.quality',
    label: { vi: 'Kết quả — chất lượng', en: 'Results — quality' },
    points: round2(quality),
    max: rules.results.quality,
    how: {
      vi: `${done.length}/${ev.tasks.length} nhiệm vụ hoàn thành; ${errors} sai sót lớn bị trừ ${pct(rules.errorDeduction)} mỗi lần, ${exempted} được miễn (nguyên nhân khách quan)`,
      en: `${done.length}/${ev.tasks.length} tasks completed; ${errors} major errors at −${pct(rules.errorDeduction)} each, ${exempted} exempted (objective cause)`,
    },
    evidence: qRefs,
    cite: CITES.quality,
  });

  let timely = 0;
  let delays = 0;
  let excused = 0;
  const tRefs: EvidenceRef[] = [];
  for (const t of done) {
    const late = t.completedOn! > t.dueDate;
    const counted = late && t.delayExemptionId === null;
    if (counted) delays++;
    if (late && !counted) excused++;
    timely += perTask(rules.results.timeliness, t) * (counted ? 1 - rules.delayDeduction : 1);
    tRefs.push({ kind: 'task', id: t.taskId });
    if (t.reportId) tRefs.push({ kind: 'report', id: t.reportId });
    if (late && t.delayExemptionId) tRefs.push({ kind: 'exemption', id: t.delayExemptionId });
  }
  terms.push({
    key: 'results.timeliness',
    label: { vi: 'Kết quả — tiến độ', en: 'Results — timeliness' },
    points: round2(timely),
    max: rules.results.timeliness,
    how: {
      vi: `${delays} nhiệm vụ chậm hạn bị trừ ${pct(rules.delayDeduction)} mỗi lần, ${excused} được miễn (nguyên nhân khách quan)`,
      en: `${delays} late tasks at −${pct(rules.delayDeduction)} each, ${excused} exempted (objective cause)`,
    },
    evidence: tRefs,
    cite: CITES.timeliness,
  });

  // Disruption: a named, visible term, never folded into another one.
  const k = ev.inherited.unitIds.length;
  const adj = k >= 2 ? Math.min(rules.disruption.max, rules.disruption.perInheritedUnit * (k - 1)) : 0;
  terms.push({
    key: 'adjustment.disruption',
    label: { vi: 'Điều chỉnh do tiếp nhận đơn vị sáp nhập', en: 'Adjustment for inheriting merged units' },
    points: adj,
    max: rules.disruption.max,
    how: {
      vi: `${k} đơn vị nhập vào: ${rules.disruption.perInheritedUnit} điểm cho mỗi đơn vị sau đơn vị đầu, tối đa ${rules.disruption.max}`,
      en: `${k} units merged in: ${rules.disruption.perInheritedUnit} point per unit after the first, at most ${rules.disruption.max}`,
    },
    evidence: [
      ...ev.inherited.unitIds.map((id) => ({ kind: 'unit' as const, id })),
      ...(ev.inherited.eventId ? [{ kind: 'lineage_event' as const, id: ev.inherited.eventId }] : []),
    ],
    cite: CITES.disruption,
  });

  const sum = (prefix: string) =>
    round2(terms.filter((t) => t.key.startsWith(prefix)).reduce((s, t) => s + t.points, 0));
  const general = sum('general.');
  const results = sum('results.');
  const total = Math.min(100, round2(general + results + adj));
  return { ruleSet: rules.version, total, general, results, grade: gradeOf(rules, total), terms, flags };
}

/** Is a target met by the official figure? min: at least; max: at most; range: within; point: reached in the
 *  indicator's direction. No official figure: not met (never assumed). */
export function targetMet(t: {
  target_kind: string;
  low: string | null;
  high: string | null;
  direction: string;
  value: string | null;
}) {
  if (t.value === null) return false;
  const v = Number(t.value);
  const lo = Number(t.low);
  const hi = Number(t.high);
  if (t.target_kind === 'min') return v >= lo;
  if (t.target_kind === 'max') return v <= hi;
  if (t.target_kind === 'range') return v >= lo && v <= hi;
  return t.direction === 'higher' ? v >= lo : v <= lo;
}
