// Shapes of the program-administration endpoints (import preview, amendments,
// as-of content, cascade, task history), as src/program/*.ts return them.
import type { Task } from '../types';

/** parseProgramDocument() in src/program/parse/document.ts (POST /api/programs/preview). */
export type ParsedKind = 'part' | 'item' | 'subitem' | 'bullet' | 'footnote' | 'appendix' | 'paragraph';
export interface ParsedNode {
  kind: ParsedKind;
  marker: string;
  path: string;
  title: string;
  text: string;
  line: number;
  children: ParsedNode[];
  deadline?: { kind: string; start: string; end: string; text: string };
  leadAgencyText?: string;
  outputs?: string[];
}
export const PARSE_COUNT_KEYS = [
  'parts',
  'items',
  'subitems',
  'bullets',
  'footnotes',
  'appendices',
  'paragraphs',
] as const;
export type ParseCounts = Record<(typeof PARSE_COUNT_KEYS)[number], number>;
export interface UnrecognisedLine {
  line: number;
  text: string;
  reason: string;
  reasonVi: string;
}
export interface ParseNote {
  line: number;
  note: string;
  noteVi: string;
}
/** A mistake that stops the import: a date that does not exist ("31/02/2027"), with its line. */
export interface ParseError {
  line: number;
  text: string;
  phrase: string;
  error: string;
  errorVi: string;
}
export interface ParseResult {
  lang: 'vi' | 'en';
  tree: ParsedNode[];
  counts: ParseCounts;
  errors: ParseError[];
  unrecognised: UnrecognisedLine[];
  notes: ParseNote[];
}

/** POST /api/programs/import (201). `counts` are the rows created per task kind. */
export interface ImportResult {
  program: { id: number; code: string; titleVi: string };
  counts: Record<string, number>;
  parsedCounts: ParseCounts;
  unrecognised: UnrecognisedLine[];
}

export type AmendmentKind = 'import' | 'add' | 'adjust' | 'cancel' | 'cascade' | 'tasklist';
export interface Amendment {
  id: number;
  versionNo: number;
  kind: AmendmentKind;
  decisionRef: string | null;
  reason: string | null;
  effectiveDate: string;
  actor: string;
  createdAt: string;
}

type Raw = Record<string, unknown>;
const field = (r: Raw, camel: string, snake: string) => r[camel] ?? r[snake];

/**
 * GET /api/programs/:id and /tasks/:id/history are camelCase like the rest of the
 * API; snake_case is still read, so a server of the previous release keeps working.
 */
export function toAmendment(r: Raw): Amendment {
  return {
    id: Number(r.id),
    versionNo: Number(field(r, 'versionNo', 'version_no')),
    kind: field(r, 'kind', 'kind') as AmendmentKind,
    decisionRef: (field(r, 'decisionRef', 'decision_ref') as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    effectiveDate: String(field(r, 'effectiveDate', 'effective_date')),
    actor: String(r.actor ?? ''),
    createdAt: String(field(r, 'createdAt', 'created_at') ?? ''),
  };
}

/** One dated version of a task (GET /api/tasks/:id/history). */
export interface TaskVersion {
  validFrom: string;
  validTo: string | null;
  versionNo: number;
  kind: AmendmentKind;
  decisionRef: string | null;
  reason: string | null;
  actor: string;
  content: TaskContent;
}
export function toTaskVersion(r: Raw): TaskVersion {
  return {
    validFrom: String(field(r, 'validFrom', 'valid_from')),
    validTo: (field(r, 'validTo', 'valid_to') as string | null) ?? null,
    versionNo: Number(field(r, 'versionNo', 'version_no')),
    kind: r.kind as AmendmentKind,
    decisionRef: (field(r, 'decisionRef', 'decision_ref') as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    actor: String(r.actor ?? ''),
    content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as TaskContent,
  };
}

/** contentOf() in src/program/tasks/tasks.content.ts: what an amendment changes. */
export interface TaskContent {
  code: string;
  kind: string;
  unitId: number;
  titleVi: string | null;
  titleEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  leadAgencyId: number | null;
  coordinatingAgencyIds: number[];
  deadline: { kind: string; start: string; end: string; text: string | null } | null;
  startDate: string | null;
  funding: { source: string | null; amountRequired: number | null; amountAllocated: number | null }[];
  outputs: string[];
  tags: string[];
  dependsOn: number[];
  rollupMode: string;
  weight: number;
  cancelled: boolean;
}

/**
 * GET /api/programs/:id/as-of: one item in force on the date. `cascaded`: a task assigned to a unit.
 * `inScope` false: an item above the caller's own tasks, sent only to place them (the caller cannot open it).
 */
export type AsOfItem = TaskContent & {
  taskId: number;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  cascaded: boolean;
  unitName: string | null;
  inScope: boolean;
};
export interface AsOfResponse {
  asOf: string;
  items: AsOfItem[];
}

export interface ProgramDetail {
  id: number;
  code: string;
  titleVi: string;
  titleEn: string | null;
  resolutionRef: string | null;
  issuingBody: string;
  periodStart: string;
  periodEnd: string;
  cadence: 'monthly' | 'quarterly';
  currentVersion: number;
  isDemo: boolean;
  amendments: Raw[];
  /** What the caller may do on the program (getProgram in program/tasks/tasks.service.ts). */
  can?: { addTask: boolean };
}

export interface CascadeResult {
  task: Task;
  created: number;
  skipped: number;
  withoutCommittee: number[];
}

export const ROLLUP_MODES = ['average', 'weighted', 'all_must_finish'] as const;
export type RollupMode = (typeof ROLLUP_MODES)[number];
export const OUTPUT_KINDS = [
  'law',
  'resolution',
  'decree',
  'regulation',
  'scheme',
  'project',
  'program',
  'plan',
  'report',
  'system',
  'other',
] as const;
export const FUNDING_SOURCES = ['central_budget', 'local_budget', 'oda', 'private', 'other'] as const;
