// English texts of the unit browser's dates and ended units (merged into locales/en.ts as `unitBrowser`).
import type { unitBrowserVi } from './locale.vi';

export const unitBrowserEn: typeof unitBrowserVi = {
  noDataBefore: 'The registry holds no data before {{date}}',
  noDataBeforeHint:
    'The sources (the General Statistics Office catalogue and conversion table) only say which units were in force on {{date}}, not when they began, so the tree does not show them for an earlier day.',
  showFirstDay: 'Show the tree on {{date}}',
  ended: 'Ended: in force until {{date}}',
  noSuccessor: 'no successor recorded',
  startsLater: 'In force from {{date}}',
  unknownOnDay: 'No data before {{date}}',
  inForceGroup: 'In force on {{date}}',
  otherDatesGroup: 'Not in force on {{date}}',
  startUnknown: 'Until {{to}} (start: not in the sources)',
  validitySource: 'Source of the dates',
  nothingFound: 'No unit found.',
};
