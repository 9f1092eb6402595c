// From a request to a row and from a row to an answer. The kind's own fields that are summed or
// filtered on live in columns (money, areas, pages, deadline, state); the rest in `details`.
import type { LineInput, LineOut } from '../handover.schemas.ts';
import type { LineRow, NewLine } from './inventory.store.ts';

export function lineColumns(
  input: LineInput,
): Omit<NewLine, 'handover_id' | 'receiver_unit_id' | 'receiver_as' | 'receiver_reason'> {
  const { kind, title, condition, location, files, receiverUnitId: _r, receiverReason: _why, ...rest } = input;
  const base = {
    kind,
    title,
    condition,
    location: location ?? null,
    files,
    amount_vnd: null as string | null,
    land_area_m2: null as string | null,
    floor_area_m2: null as string | null,
    pages: null as number | null,
    pages_digitised: null as number | null,
    land_or_investment: false,
    legal_deadline: null as string | null,
    status: null as string | null,
  };
  switch (input.kind) {
    case 'record': {
      const { pages, pagesDigitised, landOrInvestment, ...details } = rest as Omit<typeof input, 'kind'>;
      return {
        ...base,
        pages: pages ?? null,
        pages_digitised: pagesDigitised ?? null,
        land_or_investment: landOrInvestment,
        details,
      };
    }
    case 'seal': {
      const { state, ...details } = rest as Omit<typeof input, 'kind'>;
      return { ...base, status: state, details };
    }
    case 'asset': {
      const { landAreaM2, floorAreaM2, bookValueVnd, planStatus, ...details } = rest as Omit<typeof input, 'kind'>;
      return {
        ...base,
        land_area_m2: landAreaM2 ?? null,
        floor_area_m2: floorAreaM2 ?? null,
        amount_vnd: bookValueVnd ?? null,
        status: planStatus ?? null,
        details,
      };
    }
    case 'business': {
      const { legalDeadline, landOrInvestment, ...details } = rest as Omit<typeof input, 'kind'>;
      return {
        ...base,
        legal_deadline: legalDeadline ?? null,
        land_or_investment: landOrInvestment,
        status: 'open',
        details,
      };
    }
    case 'account': {
      const { balanceVnd, settlement, ...details } = rest as Omit<typeof input, 'kind'>;
      return { ...base, amount_vnd: balanceVnd, status: settlement, details };
    }
  }
}

/** A secret record's content (its summary and its scans) is hidden from a caller without clearance. */
export function isSecret(row: LineRow): boolean {
  const doc = row.details.document as { secrecy?: string } | undefined;
  return row.kind === 'record' && !!doc?.secrecy && doc.secrecy !== 'none';
}

export function presentLine(row: LineRow, cleared = true): LineOut {
  const masked = !cleared && isSecret(row);
  const details = masked
    ? { ...row.details, document: { ...(row.details.document as object), summary: undefined } }
    : row.details;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    condition: row.condition,
    location: row.location,
    receiverUnitId: row.receiver_unit_id,
    receiverAs: row.receiver_as,
    receiverReason: row.receiver_reason,
    amountVnd: row.amount_vnd,
    landAreaM2: row.land_area_m2,
    floorAreaM2: row.floor_area_m2,
    pages: row.pages,
    pagesDigitised: row.pages_digitised,
    landOrInvestment: row.land_or_investment,
    legalDeadline: row.legal_deadline,
    status: row.status,
    details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
    files: masked ? [] : row.files,
    countState: row.count_state,
    countNote: row.count_note,
    masked,
  };
}
