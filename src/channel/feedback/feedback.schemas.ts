// Request and response shapes of the feedback API (public submission and tracking, officers' queue), shared with
// the CLI and the web app (types only: nothing here imports server code).
import { z } from 'zod';
import { Day, IsoDate, MessageOut, Timestamp } from '../../platform/schemas.ts';

export const Privacy = z.enum(['public', 'name_hidden', 'withheld']);
export const Status = z.enum(['received', 'assigned', 'in_progress', 'answered', 'closed']);
export const CloseReason = z.enum(['resolved', 'not_competent', 'duplicate', 'rejected']);
export const TrackingCode = z.string().trim().min(6).max(40);

export const SubmitBody = z
  .object({
    category: z.string().regex(/^[a-z_]{1,50}$/, 'mã loại việc / a category code'),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().min(10).max(8000),
    /** Where it happened: an address (read with the registry's lookup) … */
    address: z.string().trim().min(2).max(500).optional(),
    /** … or a unit's official code (of the day it happened: old codes are read as old units). */
    unitCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Z]{1,10}$/, 'mã đơn vị / a unit code')
      .optional(),
    /** When it happened, if before today: an old address is read as it was that day. */
    occurredOn: IsoDate.optional(),
    privacy: Privacy.default('name_hidden'),
    name: z.string().trim().min(2).max(200).optional(),
    email: z.email().max(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/, 'số điện thoại / a phone number')
      .optional(),
  })
  .strict()
  .refine((b) => b.address || b.unitCode, {
    message: 'cần địa chỉ hoặc mã đơn vị / an address or a unit code is needed',
    path: ['address'],
  });
export type SubmitInput = z.infer<typeof SubmitBody>;

export const UnitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const SubmitAnswer = z.object({
  code: z.string(),
  status: Status,
  category: z.string(),
  located: UnitRef,
  unit: UnitRef,
  routing: MessageOut,
  receivedOn: Day,
  dueOn: Day,
});

export const TimelineEntry = z.object({
  at: Timestamp,
  kind: z.string(),
  note: z.string().nullable(),
  fromUnit: z.string().nullable(),
  toUnit: z.string().nullable(),
});

/** What the holder of a tracking code, and the public, see: redacted texts, no contact, no officer names. */
export const PublicItem = z.object({
  code: z.string(),
  category: z.string(),
  status: Status,
  closeReason: CloseReason.nullable(),
  closeNote: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  located: UnitRef,
  unit: UnitRef,
  receivedOn: Day,
  dueOn: Day,
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  rating: z.number().nullable(),
  reopenCount: z.number(),
  /** The last day the citizen may reopen it (null while it is not answered or closed). */
  reopenUntil: Day.nullable(),
  reporter: z.string().nullable(),
  timeline: z.array(TimelineEntry),
});

export const ReopenBody = z.object({ reason: z.string().trim().min(5).max(2000) }).strict();
export const RateBody = z
  .object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() })
  .strict();

export const QueueQuery = z.object({
  unitCode: z.string().trim().max(10).optional(),
  status: Status.optional(),
  category: z.string().max(50).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const OfficerItem = PublicItem.extend({
  id: z.number(),
  privacy: Privacy,
  /** The untouched texts (officers act on them); the reporter's contact is absent when withheld. */
  originalDescription: z.string(),
  originalAnswer: z.string().nullable(),
  routingNote: z.string(),
  assignedTo: z.object({ id: z.number(), name: z.string() }).nullable(),
  contact: z
    .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  /** Why the contact is absent: withheld by the reporter, or masked for a read-only role. */
  contactHidden: z.enum(['withheld', 'masked']).nullable(),
});

export const QueueRow = z.object({
  id: z.number(),
  code: z.string(),
  category: z.string(),
  status: Status,
  title: z.string(),
  unit: UnitRef,
  receivedOn: Day,
  dueOn: Day,
  overdue: z.boolean(),
  assignedTo: z.string().nullable(),
});
export const QueueAnswer = z.object({ items: z.array(QueueRow), total: z.number(), nextOffset: z.number().nullable() });

export const AssignBody = z.object({ userId: z.number().int().positive().optional() }).strict();
export const AnswerBody = z.object({ answer: z.string().trim().min(5).max(8000) }).strict();
export const ForwardBody = z
  .object({
    reason: z.string().trim().min(5).max(2000),
    /** A unit of the registry (in force): the item moves there with a new deadline. */
    toUnitCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Z]{1,10}$/)
      .optional(),
    /** A body outside the registry (a court, the police, a state company): the item closes as not competent. */
    toBody: z.string().trim().min(3).max(300).optional(),
  })
  .strict()
  .refine((b) => (b.toUnitCode ? 1 : 0) + (b.toBody ? 1 : 0) === 1, {
    message: 'cần đúng một nơi nhận: toUnitCode hoặc toBody / exactly one receiver: toUnitCode or toBody',
    path: ['toUnitCode'],
  });
export const CloseBody = z
  .object({
    reason: z.enum(['resolved', 'duplicate', 'rejected']),
    note: z.string().trim().max(4000).optional(),
    duplicateOf: z.string().trim().max(40).optional(),
  })
  .strict()
  .refine((b) => b.reason !== 'duplicate' || b.duplicateOf, {
    message: 'cần mã của việc trùng / the code of the item it duplicates is needed',
    path: ['duplicateOf'],
  })
  .refine((b) => b.reason !== 'rejected' || (b.note && b.note.length >= 5), {
    message: 'cần lý do từ chối / a reason for the refusal is needed',
    path: ['note'],
  });

export const CategoriesAnswer = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: MessageOut,
      level: z.enum(['commune', 'province']),
      acceptDays: z.number(),
      answerDays: z.number(),
      dayKind: z.enum(['working', 'calendar']),
      basis: z.string(),
      verified: z.enum(['yes', 'partly', 'no']),
    }),
  ),
});

export const StatsQuery = z.object({ provinceCode: z.string().trim().max(10).optional(), asOf: IsoDate.optional() });
export const StatsRow = z.object({
  unit: UnitRef,
  total: z.number(),
  open: z.number(),
  overdue: z.number(),
  answered: z.number(),
  answeredOnTime: z.number(),
  closed: z.number(),
  rated: z.number(),
  ratingSum: z.number(),
});
export const StatsAnswer = z.object({ asOf: Day, rows: z.array(StatsRow), total: StatsRow.omit({ unit: true }) });
