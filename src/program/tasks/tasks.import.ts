// Creates a program from a parsed document: the program row, version 1 (an
// 'import' amendment), one task per recognised node with its first dated
// version, the first warning evaluation and the rollups, all in one
// transaction with its audit record. Bad input changes nothing.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, todayIso } from '../../platform/errors.ts';
import { checkRole } from '../../platform/policy/policy.ts';
import { PROGRAM } from '../program.policy.ts';
import type { OutputKind, Period } from '../program.types.ts';
import type { ProgramMetaInput } from '../program.schemas.ts';
import { findProgramByCode, insertAmendment, insertFirstVersions, insertProgram } from './tasks.versions.store.ts';
import { insertTasks, type NewTask, type TaskRow } from './tasks.store.ts';
import { contentOf } from './tasks.content.ts';
import { evaluateInSlices } from '../warnings/warnings.evaluate.ts';
import { applyRollupChanges, countedOf } from '../dashboards/dashboards.rollups.store.ts';
import { countryUnitId, requireUnitIn } from '../program.scope.ts';

/** The parser's node, as this module reads it. */
export interface ParsedNodeLike {
  kind: string;
  marker: string;
  path: string;
  title: string;
  text: string;
  line: number;
  children: ParsedNodeLike[];
  deadline?: Period;
  outputs?: OutputKind[];
}

const TEXT_KINDS = new Set(['footnote', 'appendix', 'note', 'text', 'unrecognised', 'paragraph']);
const isBullet = (n: ParsedNodeLike) => n.kind === 'bullet' || n.marker.trim() === '-';
const hasBullet = (n: ParsedNodeLike): boolean => n.children.some((c) => isBullet(c) || hasBullet(c));

/**
 * Containers become parts (depth 0), sections (depth 1) and groups (deeper).
 * Leaves are tasks inside a part that holds bullet items (the "main tasks"),
 * and text elsewhere: the numbered purposes of part I and the organisational
 * clauses of part III are kept, in order, but not tracked as tasks.
 */
export function taskKind(n: ParsedNodeLike, depth: number, inTaskPart: boolean): string {
  if (TEXT_KINDS.has(n.kind)) return 'text';
  if (n.children.length > 0) return depth === 0 ? 'part' : depth === 1 ? 'section' : 'group';
  if (depth === 0) return 'text';
  return inTaskPart ? 'task' : 'text';
}

export interface ImportOptions {
  language: 'vi' | 'en';
  effectiveDate: string;
  decisionRef?: string | null;
  isDemo?: boolean;
}

export async function createProgramFromTree(
  db: Db,
  ctx: RequestContext,
  meta: ProgramMetaInput,
  tree: ParsedNodeLike[],
  opts: ImportOptions,
) {
  checkRole(ctx, PROGRAM['program.import']);
  const country = await countryUnitId(db);
  await requireUnitIn(db, ctx, country, PROGRAM['program.import']);
  if (await findProgramByCode(db, meta.code)) {
    throw conflict({
      vi: `Đã có chương trình mã "${meta.code}".`,
      en: `A program with code "${meta.code}" already exists.`,
    });
  }
  if (tree.length === 0)
    throw badRequest({ vi: 'Văn bản không có mục nào nhận dạng được.', en: 'The document has no recognised items.' });
  return db.transaction().execute(async (trx) => {
    const program = await insertProgram(trx, {
      code: meta.code,
      title_vi: meta.titleVi,
      title_en: meta.titleEn ?? null,
      resolution_ref: meta.resolutionRef ?? null,
      issuing_body: meta.issuingBody,
      period_start: meta.periodStart,
      period_end: meta.periodEnd,
      cadence: meta.cadence,
      report_grace_days: meta.reportGraceDays,
      escalation_days: meta.escalationDays,
      review_days: meta.reviewDays ?? 5,
      is_demo: opts.isDemo ?? false,
    });
    const amendment = await insertAmendment(trx, {
      programId: program.id,
      kind: 'import',
      decisionRef: opts.decisionRef ?? meta.resolutionRef ?? null,
      reason: 'Nhập từ văn bản / imported from the document',
      effectiveDate: opts.effectiveDate,
      actor: ctx.user?.username ?? ctx.actorLabel,
      first: true,
    });
    const created: TaskRow[] = [];
    const usedCodes = new Set<string>();
    let position = 0;
    // Level by level: one insert per depth keeps a 300-node document to a handful of statements.
    let level = tree.map((node) => ({
      node,
      parentId: null as number | null,
      sectionId: null as number | null,
      inTaskPart: hasBullet(node),
    }));
    for (let depth = 0; level.length > 0; depth++) {
      const rows: NewTask[] = level.map(({ node, parentId, sectionId, inTaskPart }) => {
        const kind = taskKind(node, depth, inTaskPart);
        const text = node.text.trim() || node.title.trim();
        const title = (node.title.trim() || text).slice(0, 2000);
        return {
          program_id: program.id,
          parent_id: parentId,
          kind,
          position: ++position,
          code: uniqueCode(node.path || `n${node.line}`, usedCodes),
          section_id: kind === 'task' ? sectionId : null,
          unit_id: country,
          title_vi: opts.language === 'vi' ? title : null,
          title_en: opts.language === 'en' ? title : null,
          description_vi: opts.language === 'vi' && text !== title ? text : null,
          description_en: opts.language === 'en' && text !== title ? text : null,
          deadline_kind: node.deadline?.kind ?? null,
          deadline_start: node.deadline?.start ?? null,
          due_date: node.deadline?.end ?? null,
          deadline_text: node.deadline?.text ?? null,
          outputs: node.outputs ?? [],
          is_demo: opts.isDemo ?? false,
        };
      });
      const inserted = await insertTasks(trx, rows);
      created.push(...inserted);
      level = level.flatMap((entry, i) =>
        entry.node.children.map((child) => ({
          node: child,
          parentId: inserted[i].id,
          // The section a task counts under: its numbered item (depth 1), or its part when it sits right under one.
          sectionId: depth <= 1 && inserted[i].kind !== 'text' ? inserted[i].id : entry.sectionId,
          inTaskPart: entry.inTaskPart,
        })),
      );
    }
    await insertFirstVersions(
      trx,
      program.id,
      amendment.id,
      opts.effectiveDate,
      created.map((t) => ({ taskId: t.id, content: contentOf(t, { coordinators: [], funding: [], dependsOn: [] }) })),
    );
    const taskIds = created.filter((t) => t.kind === 'task').map((t) => t.id);
    await applyRollupChanges(
      trx,
      created.map((t) => ({ before: null, after: countedOf(t) })),
    );
    await evaluateInSlices(trx, taskIds, todayIso());
    const counts = countKinds(created);
    await recordAudit(trx, ctx, {
      action: 'program.import',
      entity: 'program',
      entityId: program.id,
      after: { code: program.code, counts },
    });
    return { program, counts };
  });
}

function uniqueCode(base: string, used: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9.@_~-]/g, '').slice(0, 70) || 'n';
  let code = clean;
  for (let i = 2; used.has(code); i++) code = `${clean}~${i}`; // repeated letters in the source ("d)" twice) stay distinct
  used.add(code);
  return code;
}

function countKinds(rows: TaskRow[]) {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}
