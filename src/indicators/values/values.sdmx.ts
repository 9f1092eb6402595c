// SDMX-CSV (version 1 layout: a DATAFLOW column, then dimensions, OBS_VALUE, then attributes) of the official
// figures of one indicator as known on a date, with their status flags. OBS_STATUS uses the SDMX code list
// CL_OBS_STATUS (version 2.2, 20 codes; listed e.g. by the statcodelists R package): A normal value,
// P provisional value, E estimated value. It has no "revised" code, so a revised figure is A with REVISED=Y
// and the date it became known (KNOWN_FROM). Values stay exactly as stored (numeric text, a point for decimals).

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const stringify = (rows: string[][]) => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

export const DATAFLOW = 'VN_APPARATUS:DF_INDICATORS(1.0)';
const OBS_STATUS: Record<string, string> = { official: 'A', revised: 'A', provisional: 'P', estimated: 'E' };

export interface SdmxRow {
  area: string;
  period: string;
  value: string;
  status: string;
  source: string;
  knownFrom: string;
}

export function sdmxCsv(indicator: string, unitMeasure: string, rows: SdmxRow[]): string {
  const header = [
    'DATAFLOW',
    'REF_AREA',
    'INDICATOR',
    'TIME_PERIOD',
    'OBS_VALUE',
    'UNIT_MEASURE',
    'OBS_STATUS',
    'REVISED',
    'KNOWN_FROM',
    'SOURCE',
  ];
  const body = rows.map((r) => [
    DATAFLOW,
    r.area,
    indicator,
    r.period,
    r.value,
    unitMeasure,
    OBS_STATUS[r.status] ?? 'A',
    r.status === 'revised' ? 'Y' : 'N',
    r.knownFrom,
    r.source,
  ]);
  return stringify([header, ...body]);
}
