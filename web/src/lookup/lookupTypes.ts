// The public lookup's answer is one page of a ranking (web/src/types.ts has the items).
import type { LookupResponse } from '../types';

export interface LookupPage extends LookupResponse {
  /** Every match; a lower bound when totalExact is false (the server ranks at most a few hundred). */
  total: number;
  totalExact: boolean;
  offset: number;
  limit: number;
  /** Where the next page starts, or null on the last one. */
  nextOffset: number | null;
}
