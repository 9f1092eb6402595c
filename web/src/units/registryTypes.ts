// API shapes of the unit registry beyond web/src/types.ts: the tree's "no data
// before" day, the search's ended units with their successors, the dates' source.
import type { LinkKind, TreeResponse, UnitDetail, UnitSummary } from '../types';

export interface TreePage extends TreeResponse {
  /** Units in force that day by their dates exist, but no source attests them before this day. */
  noDataBefore: string | null;
}

type Placed = UnitSummary & { attestedFrom: string | null; districtName: string | null; provinceName: string | null };

export interface SearchItem extends Placed {
  /** Known in force on the search's day. */
  inForce: boolean;
  /** For a unit ended by that day: the units it went into, directly. */
  successors: { unit: Placed; linkKind: LinkKind; effectiveDate: string }[];
}

export interface SearchPage {
  asOf: string;
  items: SearchItem[];
}

export interface UnitDates extends UnitDetail {
  attestedFrom: string | null;
  validitySource: string | null;
}
