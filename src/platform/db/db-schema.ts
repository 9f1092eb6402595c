// Kysely table types. Each must match the SQL migrations in src/*/migrations.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ProgramTables } from '../../program/program.db-types.ts';
import type { StaffingTargetTables } from '../../staffing/targets/targets.db-types.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates are kept as 'YYYY-MM-DD' strings end to end: no time zone can shift them. */
type DateString = string;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor: string;
  ip: string | null;
  user_agent: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown | null;
  after: unknown | null;
}

export interface UnitsTable {
  id: Generated<number>;
  key: string;
  code: string;
  level: number;
  type: string;
  name: string;
  full_name: string;
  name_en: string | null;
  full_name_en: string | null;
  parent_id: number | null;
  valid_from: DateString | null;
  valid_to: DateString | null;
  area_km2: number | null;
  population: number | null;
  admin_centre: string | null;
  lon: number | null;
  lat: number | null;
  name_folded: string;
  search_text: string;
  source: string | null;
  /** When valid_from is unknown: the first day a source attests the unit in force (units migration 0013). */
  attested_from: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
  /** Where the unit's dates come from, in words (units migration 0013). */
  validity_source: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LineageEventsTable {
  id: Generated<number>;
  kind: string;
  effective_date: DateString;
  legal_basis: string | null;
  note: string | null;
  source: string | null;
}

export interface LineageLinksTable {
  id: Generated<number>;
  event_id: number;
  from_unit_id: number;
  to_unit_id: number;
  kind: string;
  note: string | null;
  source: string | null;
}

export interface AgenciesTable {
  id: Generated<number>;
  key: string | null;
  unit_id: number;
  kind: string;
  code: string | null;
  name: string;
  name_en: string | null;
  parent_agency_id: number | null;
  valid_from: DateString | null;
  valid_to: DateString | null;
  source: string | null;
}

export interface DatasetImportsTable {
  id: Generated<number>;
  dataset: string;
  checksum: string;
  imported_at: Timestamp;
  report: unknown;
}

export interface RestructuringRollupsTable {
  from_date: DateString;
  to_date: DateString;
  computed_at: Timestamp;
  result: unknown;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  csrf_token: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  expires_at: Timestamp;
  read_only: Generated<boolean>;
}

export interface LoginThrottlesTable {
  ip: string;
  username: string;
  failures: Generated<number>;
  window_start: Timestamp;
  blocked_until: Timestamp | null;
  strikes: Generated<number>;
  updated_at: Timestamp;
}

export interface StaffingPeriodsTable {
  id: Generated<number>;
  code: string;
  name: string;
  start_date: DateString;
  end_date: DateString;
  legal_basis: string | null;
  tolerance_share: Generated<number>;
  data_note: Generated<string | null>;
}

export interface StaffingCategoriesTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
}

export interface StaffingNodesTable {
  id: Generated<number>;
  period_id: number;
  key: string;
  parent_id: number | null;
  unit_id: number;
  agency_id: number | null;
  depth: number;
  closed_at: DateString | null;
  successor_node_id: number | null;
}

export interface StaffingAllocationsTable {
  node_id: number;
  category: string;
  quota: Generated<number>;
  reserve: Generated<number>;
  allocated_below: Generated<number>;
  present: number | null;
  present_as_of: DateString | null;
  present_below: Generated<number>;
  decision_ref: string | null;
  updated_at: Timestamp;
}

export interface StaffingActualsTable {
  node_id: number;
  category: string;
  as_of: DateString;
  present: number;
  source: string | null;
}

export interface Database extends ProgramTables, StaffingTargetTables {
  schema_migrations: SchemaMigrationsTable;
  audit_log: AuditLogTable;
  units: UnitsTable;
  lineage_events: LineageEventsTable;
  lineage_links: LineageLinksTable;
  agencies: AgenciesTable;
  dataset_imports: DatasetImportsTable;
  restructuring_rollups: RestructuringRollupsTable;
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttles: LoginThrottlesTable;
  staffing_periods: StaffingPeriodsTable;
  staffing_categories: StaffingCategoriesTable;
  staffing_nodes: StaffingNodesTable;
  staffing_allocations: StaffingAllocationsTable;
  staffing_actuals: StaffingActualsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
