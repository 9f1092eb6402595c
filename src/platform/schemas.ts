// Field types shared by every module's request schemas: dates that are real
// calendar days in a sane range, and numbers within what a real figure can be.
// Beyond a limit the answer is a 400 naming the field and the limit (the HTTP
// layer prefixes each message with the field's path), never a rounded value or
// a database error. Messages are "Vietnamese / English", like the other schemas.
import { z } from 'zod';
import type { Message } from './errors.ts';

/** Dates the platform accepts anywhere: the registry's history and a program's horizon fit well inside. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2199-12-31';

/** Why a text is not an acceptable date (YYYY-MM-DD, a real calendar day, within DATE_MIN…DATE_MAX), or null when it is. */
export function dateProblem(value: string): Message | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    return {
      vi: 'ngày phải viết dạng NNNN-TT-NN (ví dụ 2025-07-01)',
      en: 'a date must be written YYYY-MM-DD (e.g. 2025-07-01)',
    };
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    return { vi: `ngày ${value} không có thật`, en: `${value} is not a real date` };
  if (value < DATE_MIN || value > DATE_MAX)
    return {
      vi: `ngày phải trong khoảng ${DATE_MIN} đến ${DATE_MAX}`,
      en: `a date must lie between ${DATE_MIN} and ${DATE_MAX}`,
    };
  return null;
}

const both = (m: Message) => `${m.vi} / ${m.en}`;

/** The one date type of every request schema. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng NNNN-TT-NN / a date as YYYY-MM-DD')
  .superRefine((s, ctx) => {
    const problem = dateProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: both(problem) });
  });

const vi = (n: number) => n.toLocaleString('vi-VN');
const en = (n: number) => n.toLocaleString('en-US');

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number) {
  return z
    .number({ error: 'phải là một số / must be a number' })
    .int('phải là số nguyên / must be a whole number')
    .min(min, `ít nhất ${vi(min)} / at least ${en(min)}`)
    .max(max, `tối đa ${vi(max)} / at most ${en(max)}`);
}

/**
 * A number from `min` to `max` with at most `places` decimals: the scale the database keeps,
 * so that what is stored is exactly what was sent. `positive`: above zero (min is then the smallest step).
 */
export function decimal(min: number, max: number, places: number, options: { positive?: boolean } = {}) {
  const step = 10 ** -places;
  const low = options.positive ? Math.max(min, step) : min;
  return z
    .number({ error: 'phải là một số / must be a number' })
    .min(low, `ít nhất ${vi(low)} / at least ${en(low)}`)
    .max(max, `tối đa ${vi(max)} / at most ${en(max)}`)
    .refine(
      (x) => Number(x.toFixed(places)) === x,
      places === 0
        ? 'phải là số nguyên / must be a whole number'
        : `tối đa ${places} chữ số thập phân / at most ${places} decimal places`,
    );
}

/**
 * One unit's quota, reserve, headcount or target in one staffing category. Vietnam's whole
 * public sector is about 2.5 million people (civil servants, public employees, commune cadres
 * and contracts together), so 5 million is more than any one node can hold.
 */
export const HEADCOUNT_MAX = 5_000_000;
export const Headcount = wholeNumber(0, HEADCOUNT_MAX);

/**
 * An amount of money in đồng (no smaller unit in use). The State budget spends about 2.5 million
 * billion đồng a year and the largest single project (the North–South high-speed railway) is
 * about 1.7 million billion: 5 million billion (5·10^15) bounds any one funding line, and stays
 * below 2^53, where JavaScript numbers stop being exact.
 */
export const MONEY_MAX_VND = 5_000_000_000_000_000;
export const MoneyVnd = wholeNumber(0, MONEY_MAX_VND);

/** A unit's population: Vietnam has about 101 million people; 200 million bounds the country itself. */
export const POPULATION_MAX = 200_000_000;

/** A task's weight among its siblings: relative, so 1,000 to 0.01 covers any real ratio; two decimals as stored. */
export const Weight = decimal(0.01, 1000, 2, { positive: true });

/** The version a client last read, for optimistic concurrency: an `integer` column in the database. */
export const Version = wholeNumber(1, 2_147_483_647);

// ---- Response shapes ------------------------------------------------------------------------------------------
// Every operation declares what it answers (`schema.response`): the server serialises through these schemas, so
// /api/openapi.json describes every answer and the web app takes its types from the same schemas (`Wire<...>`).

/** A moment (timestamptz): the database gives a Date, the wire carries its ISO 8601 text. */
export const Timestamp = z.date();
/** A calendar day as the database gives it: 'YYYY-MM-DD' (no time zone to shift it). */
export const Day = z.string();
/** An exact share, numerator of denominator (platform/formats/percent.ts): screens round it, data never does. */
export const RatioOut = z.object({ numerator: z.number(), denominator: z.number() });
/** A sentence in both languages. */
export const MessageOut = z.object({ vi: z.string(), en: z.string() });

/**
 * RFC 9457 problem details (application/problem+json), the answer of every refusal. Extension members
 * (errors[], limit, excess, retryAfterSeconds…) vary by problem and pass through unchanged.
 * `errors[]` lists what is wrong one item at a time: a field of the request (validation: field, label, message in
 * the caller's language), a line of a program document (line, phrase, error, errorVi) or a row of a task list
 * (row, column, message in both languages).
 */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        field: z.string().optional(),
        label: z.string().optional(),
        message: z.union([z.string(), MessageOut]).optional(),
      }),
    )
    .optional(),
});

/** `schema.response` of an operation: its success answers, and problem+json for every refusal. */
export function responses<const R extends Record<number, z.ZodType>>(success: R) {
  return { ...success, '4XX': Problem };
}

/**
 * A binary download: declared by content type only (the body is a file, not JSON). `schema.response` of such an
 * operation; refusals are problem+json as everywhere.
 */
export function download(contentType: string | string[], description: string) {
  const types = Array.isArray(contentType) ? contentType : [contentType];
  const content = Object.fromEntries(
    types.map((t) => [t, { schema: z.any().meta({ type: 'string', format: 'binary' }) }]),
  );
  return { 200: { description, content }, '4XX': Problem };
}

/** What crosses the wire for a response schema's value: moments become ISO text (JSON.stringify of a Date). */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
/** The JSON a client receives from an operation whose response schema is `S`. */
export type Answer<S extends z.ZodType> = Wire<z.output<S>>;
