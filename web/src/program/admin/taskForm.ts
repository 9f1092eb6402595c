// Between the task form and the API's TaskChanges (src/program/program.schemas.ts):
// the form's values from a task, and only what the user changed back out, so
// an amendment records exactly the change the decision orders.
import dayjs, { type Dayjs } from 'dayjs';
import { API_DATE } from '../../common/format';
import type { TaskDetail } from '../types';

export interface FundingRow {
  source?: string | null;
  amountRequired?: number | null;
  amountAllocated?: number | null;
}
export interface TaskFormValues {
  titleVi?: string;
  titleEn?: string;
  descriptionVi?: string;
  descriptionEn?: string;
  /** A deadline phrase as written in documents ("quý IV/2026"); the server reads it. */
  deadline?: string;
  startDate?: Dayjs | null;
  leadAgencyId?: number | null;
  coordinatingAgencyIds?: number[];
  outputs?: string[];
  tags?: string[];
  funding?: FundingRow[];
  rollupMode?: string;
  weight?: number | null;
}

export function valuesOf(task: TaskDetail): TaskFormValues {
  return {
    titleVi: task.titleVi ?? '',
    titleEn: task.titleEn ?? '',
    descriptionVi: task.descriptionVi ?? '',
    descriptionEn: task.descriptionEn ?? '',
    deadline: task.deadline?.text ?? '',
    startDate: task.startDate ? dayjs(task.startDate) : null,
    leadAgencyId: task.leadAgencyId,
    coordinatingAgencyIds: task.coordinatingAgencyIds,
    outputs: task.outputs,
    tags: task.tags,
    funding: task.funding.map((f) => ({
      source: f.source,
      amountRequired: f.amountRequired,
      amountAllocated: f.amountAllocated,
    })),
    rollupMode: task.rollupMode,
    weight: task.weight,
  };
}

const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const num = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/** Every field in the API's form, empty ones as null: two of these compare field by field. */
function normalise(v: TaskFormValues) {
  return {
    titleVi: text(v.titleVi),
    titleEn: text(v.titleEn),
    descriptionVi: text(v.descriptionVi),
    descriptionEn: text(v.descriptionEn),
    deadline: text(v.deadline),
    startDate: v.startDate ? v.startDate.format(API_DATE) : null,
    leadAgencyId: v.leadAgencyId ?? null,
    coordinatingAgencyIds: [...(v.coordinatingAgencyIds ?? [])].sort((a, b) => a - b),
    outputs: [...(v.outputs ?? [])].sort(),
    tags: (v.tags ?? []).map((t) => t.trim()).filter(Boolean),
    funding: (v.funding ?? [])
      .filter((f) => f && (f.source || num(f.amountRequired) !== null || num(f.amountAllocated) !== null))
      .map((f) => ({
        source: f.source ?? null,
        amountRequired: num(f.amountRequired),
        amountAllocated: num(f.amountAllocated),
      })),
    rollupMode: v.rollupMode ?? null,
    weight: num(v.weight),
  };
}
type Normal = ReturnType<typeof normalise>;

function toApi(key: keyof Normal, value: Normal[keyof Normal]): unknown {
  if (key === 'deadline') return value === null ? null : { phrase: value };
  return value;
}

/** The fields that differ from `before`, in the API's shape; empty when nothing changed. */
export function changesOf(values: TaskFormValues, before: TaskFormValues): Record<string, unknown> {
  const a = normalise(values);
  const b = normalise(before);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(a) as (keyof Normal)[]) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    // Titles, rollup mode and weight cannot be emptied (the schema has no null for them); the form requires them instead.
    if (a[key] === null && (key === 'titleVi' || key === 'titleEn' || key === 'rollupMode' || key === 'weight'))
      continue;
    out[key] = toApi(key, a[key]);
  }
  return out;
}

/** A new task's fields: everything filled in. */
export function newTaskOf(values: TaskFormValues): Record<string, unknown> {
  const a = normalise(values);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(a) as (keyof Normal)[]) {
    const v = a[key];
    if (v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = toApi(key, v);
  }
  return out;
}
