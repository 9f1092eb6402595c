// Validity ranges from the server are half-open: validFrom <= day < validTo.
import dayjs from 'dayjs';
import { API_DATE } from '../common/format';
import type { UnitSummary } from '../types';

type Range = Pick<UnitSummary, 'validFrom' | 'validTo'>;

export function inForceOn(unit: Range, day: string): boolean {
  return (!unit.validFrom || unit.validFrom <= day) && (!unit.validTo || unit.validTo > day);
}

/** The last day a unit was in force (validTo is exclusive), or null if it still is. */
export function lastDay(unit: Range): string | null {
  return unit.validTo ? dayjs(unit.validTo).subtract(1, 'day').format(API_DATE) : null;
}

/** A day on which the unit was in force, to re-date the tree so it can be seen there. */
export function dayInForce(unit: Range, wanted: string): string {
  if (unit.validFrom && wanted < unit.validFrom) return unit.validFrom;
  return lastDay(unit) ?? wanted;
}

export function today(): string {
  return dayjs().format(API_DATE);
}
