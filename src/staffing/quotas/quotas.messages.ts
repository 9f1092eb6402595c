// Refusals and warnings of the allocation rule, in Vietnamese and English, with
// the figures that show which limit was hit and by how much.
import { AppError, type Message } from '../../platform/errors.ts';
import { percentText, ratio } from '../../platform/formats/percent.ts';

// The names seeded in staffing_categories (migration 0005), for sentences.
const CATEGORY: Record<string, Message> = {
  cadre_civil_servant: { vi: 'cán bộ, công chức', en: 'cadres and civil servants' },
  public_employee: { vi: 'viên chức', en: 'public employees' },
  commune_cadre: { vi: 'cán bộ, công chức cấp xã', en: 'commune-level cadres and civil servants' },
  association: { vi: 'biên chế hội', en: 'association staff' },
  trade_union: { vi: 'biên chế công đoàn', en: 'trade-union staff' },
  labour_contract: { vi: 'hợp đồng lao động', en: 'labour contracts' },
};
export const cv = (c: string) => CATEGORY[c]?.vi ?? c;
export const ce = (c: string) => CATEGORY[c]?.en ?? c;
const n = (x: number) => x.toLocaleString('vi-VN');
const e = (x: number) => x.toLocaleString('en-US');

export interface ParentLimit {
  parentName: string;
  category: string;
  quota: number;
  reserve: number;
  allocatedToOthers: number;
  requested: number;
}

/** The parent's quota would be exceeded: its other children + its reserve + this request > its quota. */
export function overParentQuota(l: ParentLimit): AppError {
  const excess = l.allocatedToOthers + l.reserve + l.requested - l.quota;
  const available = Math.max(0, l.quota - l.reserve - l.allocatedToOthers);
  return new AppError(
    409,
    'staffing-over-allocation',
    { vi: 'Vượt biên chế được giao', en: 'Quota exceeded' },
    {
      vi: `Vượt biên chế được giao của ${l.parentName} (${cv(l.category)}) ${n(excess)} chỉ tiêu: được giao ${n(l.quota)}, dự phòng ${n(l.reserve)}, đã phân bổ cho đơn vị khác ${n(l.allocatedToOthers)}, còn lại ${n(available)}, đề nghị ${n(l.requested)}. Không có thay đổi nào được ghi.`,
      en: `Exceeds the quota of ${l.parentName} (${ce(l.category)}) by ${e(excess)}: assigned ${e(l.quota)}, reserve ${e(l.reserve)}, already allocated to others ${e(l.allocatedToOthers)}, available ${e(available)}, requested ${e(l.requested)}. Nothing was changed.`,
    },
    { limit: 'parent_quota', excess, available, ...l },
  );
}

/** The node's own quota would fall below what it already gave its children plus its reserve. */
export function belowOwnCommitments(l: {
  nodeName: string;
  category: string;
  requested: number;
  reserve: number;
  allocatedBelow: number;
}): AppError {
  const excess = l.allocatedBelow + l.reserve - l.requested;
  return new AppError(
    409,
    'staffing-over-allocation',
    { vi: 'Vượt biên chế được giao', en: 'Quota exceeded' },
    {
      vi: `${l.nodeName} (${cv(l.category)}) đã phân bổ xuống ${n(l.allocatedBelow)} và giữ dự phòng ${n(l.reserve)}, vượt mức đề nghị ${n(l.requested)} là ${n(excess)} chỉ tiêu. Không có thay đổi nào được ghi.`,
      en: `${l.nodeName} (${ce(l.category)}) has allocated ${e(l.allocatedBelow)} below it and keeps a reserve of ${e(l.reserve)}, which exceeds the requested ${e(l.requested)} by ${e(excess)}. Nothing was changed.`,
    },
    { limit: 'own_allocations', excess, ...l },
  );
}

/** A node has used at least the tolerance share of its quota (children + reserve). */
export function toleranceWarning(
  name: string,
  category: string,
  used: number,
  quota: number,
  share: number,
): Message & { code: string; used: number; quota: number } {
  // The share stays as its two numbers in the data; the sentence writes it with the State's two decimals.
  const pct = (lang: 'vi' | 'en') => (quota === 0 ? '100%' : percentText(ratio(used, quota), lang));
  return {
    code: 'tolerance',
    used,
    quota,
    vi: `${name} (${cv(category)}) đã dùng ${pct('vi')} biên chế được giao (${n(used)}/${n(quota)}), vượt ngưỡng cảnh báo ${Math.round(share * 100)}%.`,
    en: `${name} (${ce(category)}) has used ${pct('en')} of its quota (${e(used)}/${e(quota)}), past the warning threshold of ${Math.round(share * 100)}%.`,
  };
}
