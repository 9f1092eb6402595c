// Who receives a line by default (issue 11, item 1). A district has no successor of its own: its
// records go to the province archive (land and investment-project records to the land registration
// office), its pending citizen files to the successor commune, its seals, assets and accounts to the
// province. Neither the archive nor the land registration office is a unit of the registry, so the
// new province's unit stands for both, and `as` says which one is meant. A commune or province hands
// over to its successor; a split one has several, and each line then names its own (no default).
import type { LineKind } from '../handover.schemas.ts';

export type ReceiverAs =
  'province_archive' | 'land_registration_office' | 'successor_commune' | 'successor' | 'province';
export interface Receiver {
  id: number;
  role: 'successor' | 'province' | 'successor_commune';
}
export interface Choice {
  unitId: number;
  as: ReceiverAs;
}

export function defaultReceiver(
  level: number,
  kind: LineKind,
  landOrInvestment: boolean,
  receivers: Receiver[],
): Choice | null {
  if (level === 2) {
    const province = receivers.find((r) => r.role === 'province');
    const communes = receivers.filter((r) => r.role === 'successor_commune');
    if (kind === 'business') return communes.length === 1 ? { unitId: communes[0].id, as: 'successor_commune' } : null;
    if (!province) return null;
    if (kind === 'record')
      return { unitId: province.id, as: landOrInvestment ? 'land_registration_office' : 'province_archive' };
    return { unitId: province.id, as: 'province' };
  }
  return receivers.length === 1 ? { unitId: receivers[0].id, as: 'successor' } : null;
}

export type Resolution =
  | { ok: true; unitId: number; as: ReceiverAs; reason: string | null; outside: boolean }
  | { ok: false; problem: 'choose' | 'reason' };

/**
 * The line's receiver from the default and what the caller asked. Naming one of the receivers when
 * there is no default is a choice, not an override; anything else that differs from the default (or
 * lies outside the receivers) is an override and needs a reason.
 */
export function resolveReceiver(
  def: Choice | null,
  asked: number | undefined,
  reason: string | undefined,
  receivers: Receiver[],
): Resolution {
  if (asked === undefined || (def && asked === def.unitId)) {
    if (!def) return { ok: false, problem: 'choose' };
    return { ok: true, unitId: def.unitId, as: def.as, reason: null, outside: false };
  }
  const among = receivers.find((r) => r.id === asked);
  if (!def && among) return { ok: true, unitId: asked, as: among.role, reason: null, outside: false };
  if (!reason) return { ok: false, problem: 'reason' };
  return { ok: true, unitId: asked, as: among ? among.role : 'successor', reason, outside: !among };
}
