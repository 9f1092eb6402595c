// Who may see and set indicators (see src/platform/policy/policy.ts).
// Official vs reported, as for task reports: a figure a unit enters for itself is "reported" and counts in no
// official reading until the level above accepts it (a grant over the unit's parent, never the person who
// entered it). A figure entered by the level above, by the statistics office's import (CLI) or loaded from
// published reference data is accepted as it is entered. Targets are set by the level that gives them.
import { CENTRAL, definePolicy, WRITERS } from '../platform/policy/policy.ts';

export const INDICATORS = definePolicy({
  'indicators.reference': {
    who: 'signed-in',
    on: 'none',
    writes: false,
    what: { vi: 'Xem danh mục chỉ tiêu và chỉ tiêu quốc gia', en: 'See indicator definitions and national targets' },
  },
  'indicators.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem số liệu, chỉ tiêu, tiến độ của đơn vị trong phạm vi',
      en: 'See figures, targets and progress of units in scope',
    },
  },
  'indicators.define': {
    who: CENTRAL,
    on: 'none',
    writes: true,
    what: { vi: 'Khai báo chỉ tiêu thống kê', en: 'Define an indicator' },
  },
  'indicators.record': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Ghi số liệu chỉ tiêu của đơn vị trong phạm vi (của chính đơn vị: chờ cấp trên chấp nhận)',
      en: "Record an indicator figure of a unit in scope (a unit's own: awaits the level above)",
    },
  },
  'indicators.accept': {
    who: WRITERS,
    on: 'reviewer',
    writes: true,
    what: {
      vi: 'Chấp nhận số liệu đơn vị cấp dưới báo cáo (cấp trên, không phải người nhập)',
      en: 'Accept a figure a unit below reported (the level above, not its author)',
    },
  },
  'indicators.target': {
    who: WRITERS,
    on: 'giver',
    writes: true,
    what: { vi: 'Giao chỉ tiêu cho đơn vị: cấp giao', en: 'Set a unit’s target: the level that gives it' },
  },
  'indicators.share': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Ghi tỷ lệ phân bổ phần đơn vị cũ nhập vào đơn vị mới',
      en: 'Record the share of an old unit that went to a new one',
    },
  },
});
