// Shapes of the /api/consultations and /api/satisfaction answers the public pages read: the server's own
// response schemas (src/channel/**/*.schemas.ts), never hand-written copies.
import type { z } from 'zod';
import type { Answer } from '../../../src/platform/schemas.ts';
import type {
  Choice,
  ConfirmAnswer,
  ConsultationDetail,
  ConsultationList,
  ParticipationAnswer,
  ParticipationBody,
  ResultsAnswer,
} from '../../../src/channel/consultations/consultations.schemas.ts';
import type { IndexAnswer, QuestionsAnswer } from '../../../src/channel/satisfaction/satisfaction.schemas.ts';

export type Consultations = Answer<typeof ConsultationList>;
export type Consultation = Consultations['items'][number];
export type ConsultationFull = Answer<typeof ConsultationDetail>;
export type VoteChoice = z.output<typeof Choice>;
/** What the form sends (the request schema's input: defaults may be left out). */
export type Participation = z.input<typeof ParticipationBody>;
export type Participated = Answer<typeof ParticipationAnswer>;
export type Confirmed = Answer<typeof ConfirmAnswer>;
export type Results = Answer<typeof ResultsAnswer>;
export type Tally = Results['overall'];
export type SatisfactionIndex = Answer<typeof IndexAnswer>;
export type IndexFigures = SatisfactionIndex['total'];
export type Questionnaire = Answer<typeof QuestionsAnswer>;
