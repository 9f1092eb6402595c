// Shapes of the program-administration endpoints (import preview, amendments, as-of content, cascade, task
// history): the types of the server's response schemas (src/program/tasks/tasks.schemas.ts), never copies.
import type { Answer } from '../../../../src/platform/schemas.ts';
import type { ProgramDetailAnswer } from '../../../../src/program/program.schemas.ts';
import type {
  AsOfAnswer,
  CascadeAnswer,
  ImportAnswer,
  ParsedNodeOut,
  PreviewAnswer,
  TaskContentOut,
  TaskHistoryAnswer,
} from '../../../../src/program/tasks/tasks.schemas.ts';

/** POST /api/programs/preview: parseProgramDocument() in src/program/parse/document.ts. */
export type ParseResult = Answer<typeof PreviewAnswer>;
export type ParsedNode = ParsedNodeOut;
export type ParsedKind = ParsedNode['kind'];
export const PARSE_COUNT_KEYS = [
  'parts',
  'items',
  'subitems',
  'bullets',
  'footnotes',
  'appendices',
  'paragraphs',
] as const satisfies readonly (keyof ParseResult['counts'])[];
export type ParseCounts = ParseResult['counts'];
export type UnrecognisedLine = ParseResult['unrecognised'][number];
export type ParseNote = ParseResult['notes'][number];
/** A mistake that stops the import: a date that does not exist ("31/02/2027"), with its line. */
export type ParseError = ParseResult['errors'][number];

/** POST /api/programs/import (201). `counts` are the rows created per task kind. */
export type ImportResult = Answer<typeof ImportAnswer>;

/** GET /api/programs/:id: the program, its amendments in order, and what the caller may do on it. */
export type ProgramDetail = Answer<typeof ProgramDetailAnswer>;
export type Amendment = ProgramDetail['amendments'][number];
export type AmendmentKind = Amendment['kind'];

/** contentOf() in src/program/tasks/tasks.content.ts: what an amendment changes. */
export type TaskContent = Answer<typeof TaskContentOut>;
/** GET /api/tasks/:id/history: each dated version of a task with the amendment that made it. */
export type TaskHistory = Answer<typeof TaskHistoryAnswer>;
export type TaskVersion = TaskHistory['items'][number];

/**
 * GET /api/programs/:id/as-of: one item in force on the date. `cascaded`: a task assigned to a unit.
 * `inScope` false: an item above the caller's own tasks, sent only to place them (the caller cannot open it).
 */
export type AsOfResponse = Answer<typeof AsOfAnswer>;
export type AsOfItem = AsOfResponse['items'][number];

export type CascadeResult = Answer<typeof CascadeAnswer>;

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
