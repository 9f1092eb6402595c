// Types of the HTTP API the server provides, from the server's own schemas (never copied by hand).
import type { Answer } from '../../src/platform/schemas.ts';
import type { SessionAnswer } from '../../src/accounts/accounts.schemas.ts';
import type { AuditEntryOut, AuditPageAnswer } from '../../src/audit/audit.schemas.ts';
import type {
  EventKind as EventKindSchema,
  HistoryAnswer,
  LevelCountsOut,
  LinkKind as LinkKindSchema,
  LookupAnswer,
  LookupResultOut,
  LookupSuccessorOut,
  ProvinceRestructuringOut,
  RelatedUnitOut,
  RestructuringAnswer,
  SearchAnswer,
  TreeAnswer,
  UnitDetailAnswer,
  UnitSummaryOut,
} from '../../src/units/units.schemas.ts';

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

// The API's answers: the server's response schemas (src/*/…schemas.ts), as JSON (moments as ISO text).
type User0 = Answer<typeof SessionAnswer>['user'];
export type Grant = User0['grants'][number];
export type User = User0;
export type Session = Answer<typeof SessionAnswer>;

export type UnitSummary = Answer<typeof UnitSummaryOut>;
export type UnitDetail = Answer<typeof UnitDetailAnswer>;
export type TreeResponse = Answer<typeof TreeAnswer>;
export type LinkKind = Answer<typeof LinkKindSchema>;
export type EventKind = Answer<typeof EventKindSchema>;
export type RelatedUnit = Answer<typeof RelatedUnitOut>;
export type UnitHistory = Answer<typeof HistoryAnswer>;
export type SearchResponse = Answer<typeof SearchAnswer>;
export type LookupSuccessor = Answer<typeof LookupSuccessorOut>;
export type LookupResult = Answer<typeof LookupResultOut>;
export type LookupResponse = Answer<typeof LookupAnswer>;
export type LevelCounts = Answer<typeof LevelCountsOut>;
export type ProvinceRestructuring = Answer<typeof ProvinceRestructuringOut>;
export type RestructuringStats = Answer<typeof RestructuringAnswer>;
export type AuditEntry = Answer<typeof AuditEntryOut>;
export type AuditPage = Answer<typeof AuditPageAnswer>;

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
