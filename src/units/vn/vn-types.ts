// Shapes of the normalised Vietnam dataset. Re-exported by vn-dataset.ts, which is the public entry.

/**
 * municipality = thành phố trực thuộc trung ương; urban_district = quận; rural_district = huyện;
 * town = thị xã; provincial_city = thành phố thuộc tỉnh; municipal_city = thành phố thuộc thành phố
 * trực thuộc TW (Thủ Đức); commune = xã; ward = phường; township = thị trấn; special_zone = đặc khu.
 * Before 2025 the island units (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo…) were district-level
 * `huyện` (rural_district); they keep that type in the old era.
 */
export type UnitType =
  | 'central'
  | 'province'
  | 'municipality'
  | 'urban_district'
  | 'rural_district'
  | 'town'
  | 'provincial_city'
  | 'municipal_city'
  | 'commune'
  | 'ward'
  | 'township'
  | 'special_zone';

export interface VnUnit {
  /** 'old:p:01', 'old:d:001', 'old:c:00004', 'new:p:01', 'new:c:00004': old and new units may share a code. */
  key: string;
  code: string;
  level: 1 | 2 | 3;
  type: UnitType;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  /** null for provinces: the loader's caller links them to the country. */
  parentKey: string | null;
  era: 'old' | 'new';
  areaKm2: number | null;
  population: number | null;
  adminCentre: string | null;
  lon: number | null;
  lat: number | null;
  /** Files (and lines) the unit was read from, e.g. 'pre-2025-07-01/gso-communes.csv:2'. */
  sources: string[];
}

export type LinkKind = 'whole' | 'part' | 'unchanged' | 'renamed' | 'retyped';

export interface VnLink {
  fromKey: string;
  toKey: string;
  kind: LinkKind;
  /** The source's own words, e.g. 'Nhập toàn bộ'. */
  note: string;
  /** file:line */
  source: string;
}

export type EventKind = 'merge' | 'split' | 'rename' | 'retype' | 'reassign' | 'dissolve' | 'create';

/**
 * One event per new unit, describing how it was formed. `reassign` = same name and type as its
 * single predecessor: for communes only the parent changed (districts were abolished); for the
 * 11 provinces Resolution 202/2025/QH15 did not merge, the province simply continues.
 */
export interface VnEvent {
  toKey: string;
  kind: EventKind;
  legalBasis: string;
  links: VnLink[];
}

export type IssueSeverity = 'error' | 'warning' | 'info';

export interface VnIssue {
  /** Stable machine id, e.g. 'unplaced_row', 'old_without_successor', 'code_mismatch'. */
  code: string;
  severity: IssueSeverity;
  file: string;
  line: number | null;
  message: string;
  data?: Record<string, unknown>;
}

export interface VnCounts {
  old: { provinces: number; districts: number; communes: number };
  new: { provinces: number; communes: number; byType: Record<string, number> };
  links: number;
  events: number;
}

export interface VnExpected {
  old: { provinces: number; districts: number; communes: number };
  new: { provinces: number; communes: number; byType: Record<string, number> };
}

export interface VnCorrectionApplied {
  /** Line in data/vn/corrections.csv. */
  line: number;
  reason: string;
  detail: string;
}

export interface VnReport {
  counts: VnCounts;
  /** Official totals (data/vn/README.md). */
  expected: VnExpected;
  issues: VnIssue[];
  correctionsApplied: VnCorrectionApplied[];
}

export interface VnDataset {
  units: VnUnit[];
  events: VnEvent[];
  report: VnReport;
}
