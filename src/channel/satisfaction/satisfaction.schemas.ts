// Request and answer shapes of the satisfaction index.
import { z } from 'zod';
import { RatioOut } from '../../platform/schemas.ts';

export const Period = z
  .string()
  .regex(/^\d{4}(-Q[1-4])?$/, 'kỳ dạng NNNN hoặc NNNN-Qn (ví dụ 2026-Q1) / a period is YYYY or YYYY-Qn (e.g. 2026-Q1)');

export const SurveyBody = z.object({
  /** The unit whose service is rated, by its registry code, in force on the answer date. */
  unitCode: z.string().trim().min(1).max(20),
  /** Question code ("3.2") → 1 (very dissatisfied) … 5 (very satisfied); unanswered questions are left out. */
  answers: z.record(z.string().regex(/^[1-5]\.\d$/), z.number().int().min(1).max(5)),
  /** The closed feedback item this survey follows (set by the feedback module). */
  feedbackRef: z.string().trim().min(1).max(100).optional(),
});
export const SurveyAnswer = z.object({ id: z.number(), unitCode: z.string(), period: z.string(), answers: z.number() });

export const IndexQuery = z.object({
  /** A commune or province code; the whole country without it. */
  unit: z.string().trim().min(1).max(20).optional(),
  /** One year (all its quarters) or one quarter; every period without it. */
  period: Period.optional(),
});

const Figures = z.object({
  sample: z.number(),
  smallSample: z.boolean(),
  components: z.array(z.object({ component: z.number(), answers: z.number(), satisfied: z.number(), index: RatioOut })),
  overallHundredths: z.number().nullable(),
});
const UnitRef = z.object({ id: z.number().nullable(), code: z.string(), name: z.string(), level: z.number() });
export const IndexAnswer = z.object({
  scope: UnitRef,
  smallSampleBelow: z.number(),
  questionnaire: z.string(),
  total: Figures,
  series: z.array(Figures.extend({ period: z.string() })),
  /** Provinces under the country, communes under a province (for the period asked, or all periods). */
  parts: z.array(Figures.extend({ unit: UnitRef })),
});
export type IndexResult = z.infer<typeof IndexAnswer>;

export const QuestionsAnswer = z.object({
  version: z.string(),
  scale: z.object({ min: z.literal(1), max: z.literal(5), satisfiedFrom: z.number() }),
  components: z.array(
    z.object({
      n: z.number(),
      vi: z.string(),
      en: z.string(),
      questions: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
    }),
  ),
});
