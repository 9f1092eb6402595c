// English texts of the lookup's paging (merged into locales/en.ts as `lookupPaging`).
import type { lookupPagingVi } from './locale.vi';

export const lookupPagingEn: typeof lookupPagingVi = {
  shown: 'Showing {{shown}} of {{total}} results',
  shownAtLeast: 'Showing {{shown}} of more than {{total}} results',
  more: 'Show more results ({{shown}}/{{total}})',
  loadingMore: 'Loading more…',
};
