// Shapes of the /api/staffing targets, blocks and trend answers: the server's response schemas.
// Figures come exact (planned values unrounded, shares as their two parts); the screen rounds.
import type { Answer } from '../../../src/platform/schemas.ts';
import type {
  BlocksAnswer as BlocksSchema,
  ChangeOut,
  TargetItemOut,
  TargetPointOut,
  TargetSetAnswer,
  TargetsAnswer as TargetsSchema,
  TrendAnswer as TrendSchema,
  TrendItemOut,
} from '../../../src/staffing/staffing.schemas.ts';
export type TargetPoint = Answer<typeof TargetPointOut>;
export type TargetItem = Answer<typeof TargetItemOut>;
export type TargetsAnswer = Answer<typeof TargetsSchema>;
export type TargetOutcome = Answer<typeof TargetSetAnswer>;
export type BlocksAnswer = Answer<typeof BlocksSchema>;
/** A change and the figure it is measured from: the share is abs of from. */
export type Change = Answer<typeof ChangeOut>;
export type TrendItem = Answer<typeof TrendItemOut>;
export type TrendAnswer = Answer<typeof TrendSchema>;
