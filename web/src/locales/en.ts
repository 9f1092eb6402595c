import type { Resources } from './vi';
import { programEn } from '../program/locale.en';
import { staffingReportEn } from '../staffing/locale.en';
import { unitBrowserEn } from '../units/locale.en';
import { lookupPagingEn } from '../lookup/locale.en';
import { adminEn } from '../admin/locale.en';

// Typed against the Vietnamese resources, so a missing key fails the typecheck.
const en: Resources = {
  app: { name: 'Apparatus — Bộ máy', short: 'Bộ máy', skipToContent: 'Skip to content' },
  nav: { lookup: 'Lookup', units: 'Administrative units', stats: 'Statistics', audit: 'Audit log', login: 'Log in', logout: 'Log out' },
  lang: { label: 'Language', vi: 'VI', en: 'EN' },
  common: {
    loading: 'Loading…', retry: 'Retry', none: 'None', untilNow: 'present', notFound: 'Page not found.',
    backHome: 'Back to lookup', total: '{{total}} in total',
  },
  errors: {
    network: 'Cannot reach the server. Please check your connection and try again.',
    http: 'The server returned an error (code {{status}}).',
    unknown: 'An unknown error occurred.',
  },
  auth: {
    title: 'Log in', subtitle: 'For officials who have been given an account.',
    username: 'Username', password: 'Password', submit: 'Log in',
    usernameRequired: 'Please enter your username.', passwordRequired: 'Please enter your password.',
    welcome: 'Welcome, {{name}}!', loggedOut: 'Logged out.', sessionExpired: 'Your session has expired, please log in again.',
    grants: 'Granted roles', noGrants: 'No roles granted', publicHint: 'Citizens do not need to log in to look up their new administrative unit.',
  },
  role: {
    system_admin: 'System administrator', central_officer: 'Central officer', province_officer: 'Province officer',
    commune_officer: 'Commune officer', viewer: 'Viewer',
  },
  unitType: {
    central: 'Central', province: 'Province', municipality: 'Centrally-run city',
    urban_district: 'Urban district', rural_district: 'Rural district', town: 'District-level town', provincial_city: 'Provincial city',
    municipal_city: 'City within a centrally-run city', commune: 'Commune', ward: 'Ward',
    township: 'Township', special_zone: 'Special zone',
  },
  linkKind: { whole: 'Merged whole', part: 'Part merged', unchanged: 'Unchanged', renamed: 'Renamed', retyped: 'Retyped' },
  eventKind: {
    merge: 'Merge', split: 'Split', rename: 'Rename', retype: 'Change of type',
    reassign: 'Reassignment', dissolve: 'Dissolution', create: 'Creation',
  },
  units: {
    title: 'Administrative units', asOf: 'As of', before: 'Before the reform', after: 'After the reform',
    today: 'Today', treeEmpty: 'No unit was in force on this date.',
    selectHint: 'Select a unit in the tree to see its details and restructuring history.',
    searchPlaceholder: 'Find a unit by name or code…', children: '{{count}} subordinate units',
  },
  detail: {
    code: 'Code', type: 'Type', level: 'Level', levelN: 'Level {{level}}', validity: 'In force',
    validRange: 'From {{from}} through {{to}}', validFromOnly: 'From {{from}}', validToOnly: 'Through {{to}}',
    area: 'Area', population: 'Population', populationUnit: '{{value}} people', adminCentre: 'Administrative centre',
    parent: 'Part of', ancestors: 'Within', nameEn: 'English name',
    notInForce: 'This unit was not in force on {{date}}.', showAtDate: 'Show the tree as of {{date}}',
  },
  history: {
    title: 'Restructuring history', predecessors: 'Formed from (predecessors)', successors: 'Became (successors)',
    noPredecessors: 'No predecessor recorded.', noSuccessors: 'No change after this unit yet.',
    direct: 'Direct', indirect: 'Indirect, {{depth}} steps', effective: 'Effective {{date}}', legalBasis: 'Legal basis: {{basis}}',
  },
  stats: {
    title: 'Restructuring of administrative units', subtitle: 'Comparing {{from}} (before) and {{to}} (after the reform)',
    provinces: 'Provinces', districts: 'Districts', communes: 'Communes', before: 'Before', after: 'After',
    reduction: '{{pct}} fewer', abolished: 'District level abolished',
    mapTitle: 'Reduction in commune-level units by province', barTitle: 'Commune-level units before and after',
    tableTitle: 'The 34 provinces and cities', colCode: 'Code', colName: 'Province / city', colFormedFrom: 'Formed from',
    colFormedFromCount: 'Former provinces', colBefore: 'Communes before', colAfter: 'Communes after', colReduction: 'Reduction',
    colArea: 'Area (km²)', colPopulation: 'Population', keptWhole: 'Unchanged',
    tooltipFormed: 'Formed from: {{names}}', tooltipCommunes: 'Communes: {{before}} → {{after}}', tooltipReduction: 'Reduction: {{pct}}',
    legendLow: 'Smaller cut', legendHigh: 'Larger cut', noData: 'No data',
  },
  lookup: {
    title: 'Which unit does my old commune belong to now?',
    subtitle: 'Since 1 July 2025 Vietnam has 34 provinces and cities and 3,321 communes, wards and special zones; the district level is gone.',
    placeholder: 'Type the name of your former commune or ward…', inputLabel: 'Name of the administrative unit to look up',
    emptyTitle: 'Type the name of a commune, ward or township as it was before 1 July 2025',
    emptyHint: 'Diacritics are optional. Add the district or province name to narrow the results.', examplesLabel: 'Examples:',
    noResults: 'No unit matches “{{q}}”.', noResultsHint: 'Check the spelling, or type only the proper name (without “xã”, “phường”).',
    tooShort: 'Type at least 2 characters.', searching: 'Searching…', resultsCount: '{{count}} results', resultsCount_one: '{{count}} result',
    before: 'Before 1 July 2025', nowBelongsTo: 'Now part of', current: 'This is a current administrative unit.',
    whole: 'Whole', part: 'Part', unchanged: 'Unchanged', renamed: 'Renamed', retyped: 'Retyped',
    adminCentre: 'Offices', noSuccessor: 'No information on the new unit yet.', partNote: 'The old unit was divided among several new ones; check which covers where you live.',
  },
  staffing: {
    report: staffingReportEn,
    title: 'Staffing quotas', national: 'National', unit: 'Unit', province: 'Province', assigned: 'Assigned', allocatedBelow: 'Allocated below',
    reserve: 'Reserve', available: 'Available', present: 'Present', usedShare: 'Present / assigned', allCategories: 'All categories',
    quotaVsPresent: 'Assigned and present', reductionsTitle: '2026–2031 cuts', formedFrom: 'Formed from (provinces)', cutPct: 'Cut',
    base: '2022–2026 quota', cut: 'Positions cut', proposed: 'At most 2026–2031', noPeriods: 'No staffing period yet.',
    allocateTitle: 'Allocate to a unit under {{name}}', pickUnit: 'Choose a unit', quotaRequired: 'Enter the quota.', allocate: 'Allocate',
    refused: 'Allocation refused', allocated: 'Allocated {{quota}} to {{name}}; {{available}} left above.',
    wEqual: 'Equal', wPopulation: 'Population', wArea: 'Area', wSpecial: 'Special factors', total: 'Province total', exportScenario: 'Download scenario (CSV)',
    proposed2025: 'Proposed', current: 'Current', normsTitle: '2025 commune norm',
    mapTitle: 'Share of quota used, by province', usedLabel: 'Used (given out + reserve)', noQuota: 'No quota',
    category: {
      cadre_civil_servant: 'Cadres and civil servants', public_employee: 'Public employees (state budget)', commune_cadre: 'Commune-level cadres and civil servants',
      association: 'Association staff', trade_union: 'Trade-union staff', labour_contract: 'Labour contracts',
    },
  },
  audit: {
    title: 'Audit log', actor: 'Actor', action: 'Action', entity: 'Entity', dateRange: 'Date range',
    from: 'From', to: 'To', apply: 'Filter', reset: 'Clear filters', at: 'Time', ip: 'IP address',
    entityId: 'Entity ID', before: 'Before the change', after: 'After the change', emptyValue: '(none)',
    empty: 'No entries.', field: 'Field', raw: 'Records as stored (JSON)',
  },
  program: programEn,
  unitBrowser: unitBrowserEn,
  lookupPaging: lookupPagingEn,
  admin: adminEn,
};

export default en;
