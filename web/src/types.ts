// Types of the HTTP API the server provides (see the API contract in the web brief).
import type { Ratio } from './common/percent';

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

export interface Grant {
  role: string;
  unitId: number | null;
  unitName: string | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  grants: Grant[];
  /** Actions the user's roles allow (rule names of the server's access policy); only for showing what can work. */
  can: string[];
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface UnitSummary {
  id: number;
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  /** One of UnitType; kept as string so an unknown type from the server still renders. */
  type: string;
  level: number;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
}

export interface UnitDetail extends UnitSummary {
  areaKm2: number | null;
  population: number | null;
  adminCentre: string | null;
  parent: UnitSummary | null;
  ancestors: UnitSummary[];
}

export interface TreeResponse {
  asOf: string;
  items: UnitSummary[];
}

export type LinkKind = 'whole' | 'part' | 'unchanged' | 'renamed' | 'retyped';
export type EventKind = 'merge' | 'split' | 'rename' | 'retype' | 'reassign' | 'dissolve' | 'create';

export interface RelatedUnit {
  unit: UnitSummary & { provinceName: string | null };
  depth: number;
  linkKind: LinkKind;
  note: string | null;
  event: { id: number; kind: EventKind; effectiveDate: string; legalBasis: string | null };
}

export interface UnitHistory {
  unit: UnitDetail;
  predecessors: RelatedUnit[];
  successors: RelatedUnit[];
}

export interface SearchResponse {
  items: (UnitSummary & { provinceName: string | null })[];
}

export interface LookupSuccessor {
  unit: UnitSummary & { adminCentre: string | null; areaKm2: number | null; population: number | null };
  province: { code: string; name: string; fullName: string } | null;
  linkKind: LinkKind;
  note: string | null;
}

export interface LookupResult {
  unit: UnitSummary & { districtName: string | null; provinceName: string | null };
  current: boolean;
  successors: LookupSuccessor[];
}

export interface LookupResponse {
  query: string;
  items: LookupResult[];
}

export interface LevelCounts {
  provinces: number;
  districts: number;
  communes: number;
}

export interface ProvinceRestructuring {
  id: number;
  code: string;
  name: string;
  fullName: string;
  formedFrom: { code: string; name: string }[];
  formedFromCount: number;
  communesBefore: number;
  communesAfter: number;
  /** Communes removed of communes before, exact (the screen rounds it to two decimals). */
  reduction: Ratio;
  areaKm2: number | null;
  population: number | null;
}

export interface RestructuringStats {
  from: string;
  to: string;
  national: { before: LevelCounts; after: LevelCounts; reduction: Record<keyof LevelCounts, Ratio> };
  provinces: ProvinceRestructuring[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** RFC 9457 problem details, as the server sends them with application/problem+json. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

/** The minimal GeoJSON shape of /api/geo/provinces that ECharts' registerMap needs. */
export interface GeoJSON {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[];
}
