// Requests and answers of /api/questions (shared with the CLI).
import { z } from 'zod';

const Id = z.coerce.number().int().positive().max(9_007_199_254_740_991);
export const IdParams = z.object({ id: Id });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Unit = z.object({ code: z.string(), name: z.string() });

export const AskBody = z.object({
  /** 'central' for the central standing office, else the asking unit's province code. */
  office: z.string().min(1).max(10),
  askerUnitCode: z.string().min(1).max(10),
  subject: z.string().trim().min(3).max(300),
  body: z.string().trim().min(3).max(8000),
  dueOn: Day.optional(),
});
export const DraftBody = z.object({ answer: z.string().trim().min(3).max(16000) });
export const ReviewBody = z.object({
  decision: z.enum(['accept', 'return']),
  reason: z.string().trim().min(3).max(2000).optional(),
});
export const ListQuery = z.object({
  office: z.string().max(10).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const SearchQuery = z.object({
  q: z.string().max(500).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const Question = z.object({
  id: z.number(),
  office: Unit,
  asker: Unit,
  subject: z.string(),
  body: z.string(),
  status: z.enum(['open', 'in_review', 'answered']),
  askedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  draftedBy: z.number().nullable(),
  returnReason: z.string().nullable(),
  reviewedBy: z.number().nullable(),
  answeredOn: z.string().nullable(),
  published: z.boolean(),
});
export const ListItem = z.object({
  id: z.number(),
  office: Unit,
  asker: Unit,
  subject: z.string(),
  status: z.string(),
  askedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  published: z.boolean(),
});
export const ListAnswer = z.object({ today: z.string(), items: z.array(ListItem) });
export const FaqItem = z.object({
  id: z.number(),
  office: Unit,
  subject: z.string(),
  body: z.string(),
  answer: z.string(),
  answeredOn: z.string().nullable(),
  score: z.number().optional(),
});
export const FaqAnswer = z.object({ items: z.array(FaqItem) });
