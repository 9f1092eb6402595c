// What an Excel task list would change in a program, row by row, before anything
// is written: new codes become added tasks, known codes whose cells differ become
// adjustments (only the differing fields), and every problem is listed with its
// sheet row. Also the other way: a task as a template row, for the export.
import type { Message } from '../../platform/errors.ts';
import { parseDeadline } from '../parse/deadline.ts';
import {
  COLUMNS,
  type ColumnKey,
  type ImportedTaskRow,
  type TaskListError,
  type TaskListRow,
} from '../parse/tasklist.template.ts';
import { TaskChanges, type TaskChangesInput } from '../program.schemas.ts';
import type { FundingSource, OutputKind } from '../program.types.ts';
import type { ContentTask } from './tasklist.store.ts';

export interface PlannedAdd {
  row: number;
  code: string;
  parentCode: string;
  kind: 'section' | 'group' | 'task';
  task: TaskChangesInput;
}
export interface PlannedAdjust {
  row: number;
  code: string;
  taskId: number;
  version: number;
  fields: string[];
  changes: TaskChangesInput;
}
export interface Plan {
  added: PlannedAdd[];
  changed: PlannedAdjust[];
  unchanged: string[];
  notInFile: string[];
  errors: TaskListError[];
}
/** Agency name → id, or the reason it cannot be used. */
export type AgencyResolver = (name: string) => number | Message;

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;
const sortedKey = (xs: (string | number)[]) => [...xs].map(String).sort().join('\u0000');

// ---- export: a task as a template row ----

const ROMAN = ['I', 'II', 'III', 'IV'];
const dmy = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;

/** Phrases that name exactly this period, the stored wording first; the last one reads any start and end. */
function phrasesFor(kind: string | null, start: string, end: string, text: string | null): string[] {
  const y = end.slice(0, 4),
    m = Number(end.slice(5, 7));
  const byKind: Record<string, string> = {
    year: `năm ${y}`,
    quarter: `quý ${ROMAN[Math.floor((m - 1) / 3)]}/${y}`,
    month: `tháng ${m}/${y}`,
    half: `6 tháng ${m <= 6 ? 'đầu' : 'cuối'} năm ${y}`,
    date: `trước ngày ${dmy(end)}`,
    range: `${start.slice(0, 4)} - ${y}`,
  };
  return [text, kind ? byKind[kind] : null, `từ ngày ${dmy(start)} đến ngày ${dmy(end)}`].filter(
    (p): p is string => !!p,
  );
}

/** A deadline phrase that reads back to the task's own start and end (checked, so an export never moves a deadline). */
export function deadlinePhraseOf(t: {
  deadline_kind: string | null;
  deadline_start: string | null;
  due_date: string | null;
  deadline_text: string | null;
}): string | null {
  if (!t.due_date) return null;
  const start = t.deadline_start ?? t.due_date;
  const phrases = phrasesFor(t.deadline_kind, start, t.due_date, t.deadline_text);
  for (const p of phrases) {
    try {
      const read = parseDeadline(p, { referenceDate: start });
      if (read.start === start && read.end === t.due_date) return p;
    } catch {
      /* the next wording */
    }
  }
  return phrases[phrases.length - 1];
}

/** The template has one funding line: one line as is, several summed (one source only if they all share it). */
export function fundingCells(lines: ContentTask['funding']) {
  if (lines.length === 0) return { fundingSource: null, amountRequired: null, amountAllocated: null };
  const sum = (k: 'amount_required' | 'amount_allocated') =>
    lines.every((l) => l[k] === null) ? null : lines.reduce((s, l) => s + (l[k] ?? 0), 0);
  const sources = new Set(lines.map((l) => l.source));
  return {
    fundingSource: (sources.size === 1 ? lines[0].source : null) as FundingSource | null,
    amountRequired: sum('amount_required'),
    amountAllocated: sum('amount_allocated'),
  };
}

export function toTemplateRow(t: ContentTask): TaskListRow {
  return {
    code: t.code,
    parentCode: t.parentCode,
    titleVi: t.title_vi,
    titleEn: t.title_en,
    leadAgency: t.leadAgencyName,
    coordinatingAgencies: t.coordinators.map((c) => c.name),
    deadlinePhrase: deadlinePhraseOf(t),
    start: t.start_date,
    ...fundingCells(t.funding),
    outputKinds: t.outputs as OutputKind[],
    tags: t.tags,
  };
}

// ---- import: rows against the program ----

export function planTaskList(rows: ImportedTaskRow[], existing: ContentTask[], agency: AgencyResolver): Plan {
  const plan: Plan = { added: [], changed: [], unchanged: [], notInFile: [], errors: [] };
  const fail = (row: number, key: ColumnKey | null, message: Message) =>
    plan.errors.push({ row, column: key && header(key), message });
  const byCode = new Map(existing.map((t) => [t.code, t]));
  const inFile = new Set(rows.map((r) => r.code));
  const parents = new Set(rows.map((r) => r.parentCode).filter(Boolean));
  const newKind = new Map<string, PlannedAdd['kind']>();

  for (const r of rows) {
    const resolve = (column: ColumnKey) => (name: string) => {
      const a = agency(name);
      if (typeof a === 'number') return a;
      fail(r.sheetRow, column, a);
      return null;
    };
    const lead = r.leadAgency ? resolve('leadAgency')(r.leadAgency) : null;
    const coordinators = r.coordinatingAgencies
      .map(resolve('coordinatingAgencies'))
      .filter((a): a is number => a !== null);
    const funding =
      r.fundingSource || r.amountRequired !== null || r.amountAllocated !== null
        ? [{ source: r.fundingSource, amountRequired: r.amountRequired, amountAllocated: r.amountAllocated }]
        : [];
    const t = byCode.get(r.code);
    let plannedChanges: TaskChangesInput;
    if (!t) {
      if (!r.parentCode) {
        fail(r.sheetRow, 'parentCode', {
          vi: `Dòng mới "${r.code}" cần mã cấp trên: sửa đổi chỉ thêm nhiệm vụ vào dưới một mục đã có hoặc mới.`,
          en: `New row "${r.code}" needs a parent code: an amendment adds a task under an existing or new item.`,
        });
        continue;
      }
      const parent = byCode.get(r.parentCode);
      if (parent && parent.status === 'cancelled')
        fail(r.sheetRow, 'parentCode', {
          vi: `Mục cấp trên "${r.parentCode}" đã bị hủy.`,
          en: `The parent "${r.parentCode}" is cancelled.`,
        });
      const parentKind = parent?.kind ?? newKind.get(r.parentCode) ?? 'group';
      const kind = !parents.has(r.code) ? 'task' : parentKind === 'part' ? 'section' : 'group';
      newKind.set(r.code, kind);
      plannedChanges = {
        code: r.code,
        titleVi: r.titleVi ?? undefined,
        titleEn: r.titleEn ?? undefined,
        leadAgencyId: lead ?? undefined,
        coordinatingAgencyIds: coordinators.length ? coordinators : undefined,
        deadline: r.deadline ?? undefined,
        startDate: r.start ?? undefined,
        funding: funding.length ? funding : undefined,
        outputs: r.outputKinds.length ? r.outputKinds : undefined,
        tags: r.tags.length ? r.tags : undefined,
      };
      plannedChanges = Object.fromEntries(Object.entries(plannedChanges).filter(([, v]) => v !== undefined));
      if (checked(r.sheetRow, plannedChanges, plan))
        plan.added.push({ row: r.sheetRow, code: r.code, parentCode: r.parentCode, kind, task: plannedChanges });
      continue;
    }
    if ((r.parentCode ?? null) !== (t.parentCode ?? null)) {
      fail(r.sheetRow, 'parentCode', {
        vi: `Không chuyển được "${r.code}" từ "${t.parentCode ?? '(cấp cao nhất)'}" sang "${r.parentCode ?? '(cấp cao nhất)'}": hãy thêm nhiệm vụ mới và hủy nhiệm vụ cũ.`,
        en: `"${r.code}" cannot move from "${t.parentCode ?? '(top level)'}" to "${r.parentCode ?? '(top level)'}": add a new task and cancel the old one.`,
      });
      continue;
    }
    const c: TaskChangesInput = {};
    const fields: string[] = [];
    const set = <K extends keyof TaskChangesInput>(key: K, value: TaskChangesInput[K], column: ColumnKey) => {
      c[key] = value;
      if (!fields.includes(header(column))) fields.push(header(column));
    };
    for (const [key, col, now] of [
      ['titleVi', 'titleVi', t.title_vi],
      ['titleEn', 'titleEn', t.title_en],
    ] as const) {
      const want = r[col];
      if (want === now) continue;
      if (want === null)
        fail(r.sheetRow, col, {
          vi: 'Không xóa được tên qua tệp; hãy giữ tên cũ hoặc sửa lại.',
          en: 'A title cannot be removed through the file; keep it or change it.',
        });
      else set(key, want, col);
    }
    if (lead !== t.lead_agency_id && !(r.leadAgency && lead === null)) set('leadAgencyId', lead, 'leadAgency');
    if (sortedKey(coordinators) !== sortedKey(t.coordinators.map((x) => x.id)))
      set('coordinatingAgencyIds', coordinators, 'coordinatingAgencies');
    const sameDeadline = !r.deadline
      ? !t.due_date
      : !!t.due_date &&
        (r.deadlinePhrase === t.deadline_text ||
          (r.deadline.start === (t.deadline_start ?? t.due_date) && r.deadline.end === t.due_date));
    if (!sameDeadline) set('deadline', r.deadline, 'deadlinePhrase');
    if (r.start !== t.start_date) set('startDate', r.start, 'start');
    const now = fundingCells(t.funding);
    if (
      r.fundingSource !== now.fundingSource ||
      r.amountRequired !== now.amountRequired ||
      r.amountAllocated !== now.amountAllocated
    )
      set('funding', funding, 'fundingSource');
    if (sortedKey(r.outputKinds) !== sortedKey(t.outputs)) set('outputs', r.outputKinds, 'outputKinds');
    if (sortedKey(r.tags) !== sortedKey(t.tags)) set('tags', r.tags, 'tags');
    if (fields.length === 0) {
      plan.unchanged.push(r.code);
      continue;
    }
    if (t.status === 'cancelled') {
      fail(r.sheetRow, 'code', {
        vi: `Nhiệm vụ "${r.code}" đã bị hủy, không sửa được; hãy dùng mã mới.`,
        en: `Task "${r.code}" is cancelled and cannot change; use a new code.`,
      });
      continue;
    }
    if (checked(r.sheetRow, c, plan))
      plan.changed.push({ row: r.sheetRow, code: r.code, taskId: t.id, version: t.version, fields, changes: c });
  }
  plan.notInFile = existing
    .filter((t) => !inFile.has(t.code) && t.status !== 'cancelled' && t.kind !== 'text')
    .map((t) => t.code);
  // Parents first: a new row may sit under another new row anywhere in the file.
  const depth = (code: string): number => {
    const a = plan.added.find((x) => x.code === code);
    return a ? 1 + depth(a.parentCode) : 0;
  };
  plan.added.sort((a, b) => depth(a.code) - depth(b.code) || a.row - b.row);
  plan.errors.sort((a, b) => a.row - b.row);
  return plan;
}

/** The same limits as the API's amendment body (code characters, lengths, counts). */
function checked(row: number, changes: TaskChangesInput, plan: Plan): boolean {
  const result = TaskChanges.safeParse(changes);
  if (result.success) return true;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    const column =
      key === 'code'
        ? 'code'
        : key === 'deadline'
          ? 'deadlinePhrase'
          : key === 'startDate'
            ? 'start'
            : key === 'outputs'
              ? 'outputKinds'
              : key === 'funding'
                ? 'fundingSource'
                : COLUMNS.some((c) => c.key === key)
                  ? (key as ColumnKey)
                  : null;
    plan.errors.push({
      row,
      column: column && header(column),
      message: {
        vi:
          key === 'code'
            ? 'Mã mới chỉ được gồm chữ cái Latin không dấu, số và . _ ~ - (tối đa 80 ký tự).'
            : `Giá trị không hợp lệ: ${issue.message}`,
        en:
          key === 'code'
            ? 'A new code may hold only unaccented Latin letters, digits and . _ ~ - (80 at most).'
            : `Invalid value: ${issue.message}`,
      },
    });
  }
  return false;
}
