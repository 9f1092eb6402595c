// Request and answer shapes of consultations, shared with the CLI (and the web pages the lead schedules).
import { z } from 'zod';
import { Day, IsoDate, RatioOut, Timestamp } from '../../platform/schemas.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
export const Choice = z.enum(['agree', 'disagree']);
export const Kind = z.enum(['plan', 'regulation', 'other']);

export const ConsultationBody = z.object({
  title: Text(500),
  kind: Kind,
  summary: z.string().max(20_000).default(''),
  /** The drafting body's unit. */
  unitId: z.number().int().positive(),
  opensOn: IsoDate,
  /** The last day people may take part (inclusive). */
  closesOn: IsoDate,
  sections: z
    .array(z.object({ heading: Text(500), body: z.string().max(50_000).default('') }))
    .min(1)
    .max(200),
});

export const ParticipationBody = z.object({
  /** One participation per address and draft; counted once the code sent to it is confirmed. */
  email: z.email().max(254),
  /** The commune (xã, phường, đặc khu) of residence, by its registry code, in force on the vote date. */
  residenceCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'mã xã gồm 5 chữ số / a commune code has 5 digits'),
  overall: Choice.optional(),
  votes: z
    .array(z.object({ sectionId: z.number().int().positive(), choice: Choice }))
    .max(200)
    .default([]),
  comments: z
    .array(z.object({ sectionId: z.number().int().positive(), text: Text(5000) }))
    .max(50)
    .default([]),
});
export const ConfirmBody = z.object({ code: z.string().trim().min(16).max(100) });
export const GroupBody = z.object({
  sectionId: z.number().int().positive().nullable().default(null),
  title: Text(500),
  commentIds: z.array(z.number().int().positive()).min(1).max(1000),
});
export const AnswerBody = z.object({ answer: Text(20_000) });
export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const GroupParams = IdParams.extend({ groupId: z.coerce.number().int().positive() });

// ---- answers
const UnitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
export const ConsultationOut = z.object({
  id: z.number(),
  title: z.string(),
  kind: Kind,
  summary: z.string(),
  unit: UnitRef,
  opensOn: Day,
  closesOn: Day,
  open: z.boolean(),
  createdAt: Timestamp,
});
export const ConsultationList = z.object({ items: z.array(ConsultationOut) });
const Section = z.object({ id: z.number(), position: z.number(), heading: z.string(), body: z.string() });
const Comment = z.object({
  id: z.number(),
  sectionId: z.number(),
  text: z.string(),
  residence: z.string(),
  groupId: z.number().nullable(),
  createdAt: Timestamp,
});
const Group = z.object({
  id: z.number(),
  sectionId: z.number().nullable(),
  title: z.string(),
  comments: z.number(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
});
export const ConsultationDetail = ConsultationOut.extend({
  sections: z.array(Section),
  comments: z.array(Comment),
  groups: z.array(Group),
});
export const ParticipationAnswer = z.object({
  id: z.number(),
  status: z.literal('pending'),
  /** Whether the confirmation e-mail went out: "disabled" when the server has no mail server configured. */
  email: z.enum(['sent', 'disabled', 'failed']),
  message: z.object({ vi: z.string(), en: z.string() }),
});
export const ConfirmAnswer = z.object({ id: z.number(), consultationId: z.number(), confirmed: z.literal(true) });
export const GroupOut = Group;

const TallyOut = z.object({ agree: z.number(), disagree: z.number(), votes: z.number(), approval: RatioOut });
const Part = z.object({
  unit: UnitRef,
  participants: z.number(),
  overall: TallyOut,
  sections: z.array(z.object({ sectionId: z.number(), tally: TallyOut })),
});
export const ResultsAnswer = z.object({
  consultation: ConsultationOut,
  participants: z.number(),
  /** Participations not (yet) confirmed by their e-mail: not counted anywhere below. */
  unconfirmed: z.number(),
  overall: TallyOut,
  sections: z.array(z.object({ sectionId: z.number(), position: z.number(), heading: z.string(), tally: TallyOut })),
  provinces: z.array(Part),
  units: z.array(Part),
});
export type Results = z.infer<typeof ResultsAnswer>;
