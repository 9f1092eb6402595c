// English texts of the staffing reports (merged into locales/en.ts as `staffing.report`).
import type { staffingReportVi } from './locale.vi';

export const staffingReportEn: typeof staffingReportVi = {
  targetsTab: 'Streamlining targets', blocksTab: 'National total by block', trendTab: 'Trend over periods',
  baseline: 'Baseline', target: 'Target', targetDate: 'By', requiredCut: 'Cut required', latest: 'Latest present',
  achieved: 'Cut so far', ofCut: 'Achieved (% of the cut)', plannedNow: 'Planned for today', progress: 'Progress', basis: 'Basis',
  setBy: 'Set by', date: 'Date', present: 'Present', planned: 'Planned', gap: 'Against the plan', category: 'Category',
  noTargets: 'No streamlining target here in this period yet.', pickTarget: 'Pick a row to see its headcount against the plan.',
  chartTitle: '{{name}}: headcount present against the straight line from baseline to target',
  rangeRecords: 'Recorded dates', rangePeriod: 'Whole period',
  recordedBelow: 'Units below it record their own headcount too: the whole subtree now counts {{n}}.',
  status: { no_data: 'No figures yet', reached: 'Target reached', on_track: 'On track', behind: 'Behind the plan', before_baseline: 'Before the baseline' },
  setTitle: 'Set a streamlining target for {{name}} or a unit under it', share: 'Cut (%)', headcount: 'Target headcount',
  basisRequired: 'Give the decision or legal basis.', oneOf: 'Give either a cut in % or a target headcount, not both.',
  setTarget: 'Set target', refused: 'The target was not set', saved: 'Target set for {{name}}: from {{baseline}} down to {{target}} by {{date}}.',
  block: 'Block', members: 'Agencies or units', outside: 'Outside the blocks: reserve and not yet allocated', national: 'National',
  unallocated: 'Not allocated', mismatch: 'Allocated below differs from the blocks\' sum by {{n}}', presentOutside: 'Present recorded nationally or on closed units',
  unclassified: 'Not in a block: {{names}}', blocksNote: 'The block is derived from the agency kind and the central agency code; the registry has no block field.',
  period: 'Period', change: 'Change from the previous period', fromPredecessors: 'Sum of the units before the merger: {{names}}',
  notAssigned: 'Not assigned', trendOf: '{{name}} over the periods', noFigures: 'No figures yet', noNational: 'No national allocation in this period yet.',
  illustrative: 'Illustrative', illustrativeHint: 'An illustrative figure, not an official one', noHeadcount: 'No headcount recorded',
  dataNote: 'About the figures of {{period}}', baseOf: 'Quota assigned for {{period}} ({{category}})',
  baselineDate: 'Baseline date', baselineDateHint: 'Baseline date: by default the period\'s first day; the headcount recorded on or before it is used',
  targetDateField: 'Target date', targetDateHint: 'Target date: by default the period\'s last day',
  periodStart: 'Period start', periodEnd: 'Period end',
};
