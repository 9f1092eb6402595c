// Shapes of the /api/feedback answers the pages read: the server's own schemas (src/channel/feedback/feedback.schemas.ts),
// never hand-written copies.
import type { z } from 'zod';
import type { Answer } from '../../../../src/platform/schemas.ts';
import type {
  CategoriesAnswer,
  CloseBody,
  ForwardBody,
  OfficerItem as OfficerItemOut,
  PublicItem as PublicItemOut,
  QueueAnswer,
  Status as StatusOut,
  SubmitAnswer,
  SubmitBody,
} from '../../../../src/channel/feedback/feedback.schemas.ts';

export type Category = Answer<typeof CategoriesAnswer>['items'][number];
export type Categories = Answer<typeof CategoriesAnswer>;
export type Submitted = Answer<typeof SubmitAnswer>;
export type PublicItem = Answer<typeof PublicItemOut>;
export type OfficerItem = Answer<typeof OfficerItemOut>;
export type Queue = Answer<typeof QueueAnswer>;
export type QueueRow = Queue['items'][number];
export type Status = Answer<typeof StatusOut>;
/** What the pages send: the request schemas' input side. */
export type SubmitRequest = z.input<typeof SubmitBody>;
export type ForwardRequest = z.input<typeof ForwardBody>;
export type CloseRequest = z.input<typeof CloseBody>;

export const STATUSES: Status[] = ['received', 'assigned', 'in_progress', 'answered', 'closed'];
export const STATUS_COLOR: Record<Status, string> = {
  received: 'blue',
  assigned: 'geekblue',
  in_progress: 'gold',
  answered: 'green',
  closed: 'default',
};
