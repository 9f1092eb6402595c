// Shapes of the /api/handovers answers the pages read: the server's schemas, never hand-written copies.
import type { Answer } from '../../../src/platform/schemas.ts';
import type {
  CountAnswer,
  HandoverDetail as HandoverDetailSchema,
  HandoverList as HandoverListSchema,
  LineInput as LineInputSchema,
  LineOut as LineOutSchema,
  MinutesOut as MinutesOutSchema,
  ReceiverOut as ReceiverOutSchema,
  SignAnswer as SignAnswerSchema,
  VerifyAnswer as VerifyAnswerSchema,
} from '../../../src/handover/handover.schemas.ts';
import type { z } from 'zod';

export type HandoverList = Answer<typeof HandoverListSchema>;
export type HandoverSummary = HandoverList['items'][number];
export type HandoverDetail = Answer<typeof HandoverDetailSchema>;
export type Line = Answer<typeof LineOutSchema>;
export type Receiver = Answer<typeof ReceiverOutSchema>;
export type Minutes = Answer<typeof MinutesOutSchema>;
export type Counted = Answer<typeof CountAnswer>;
export type Signed = Answer<typeof SignAnswerSchema>;
export type Verified = Answer<typeof VerifyAnswerSchema>;
/** What the add-line form sends (the server's request shape, before its defaults). */
export type LineInput = z.input<typeof LineInputSchema>;

export type HandoverState = HandoverSummary['state'];
export type LineKind = Line['kind'];
export type CountState = Line['countState'];

export const STATES: HandoverState[] = ['draft', 'submitted', 'counted', 'signed', 'closed'];
export const KINDS: LineKind[] = ['record', 'seal', 'asset', 'business', 'account'];
export const COUNT_STATES: Exclude<CountState, 'pending'>[] = ['received', 'missing', 'damaged', 'disputed'];
/** Levels of an ended unit (src/handover/open/open.service.ts LEVEL_NAMES). */
export const LEVELS = [1, 2, 3] as const;
