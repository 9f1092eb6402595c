// Which block of the political system a node right under the country belongs
// to. The registry has no block field: neither the agencies table nor
// data/vn/central-agencies.csv says "Party" or "State". So the block is derived
// here from the agency's kind and, for kind 'central_agency' (which holds both
// Party commissions and State bodies), from its code in central-agencies.csv
// (import key 'central:<code>'), following the legal basis column of that file:
// - ministries (kind 'ministry', Resolution 176/2025/QH15 on the Government's
//   structure) and the Government's other bodies nhnn, ttcp, vpcp (same
//   resolution) → central State agencies;
// - the Party's central office and commissions vptw, btctw, btgdvtw, bnctw,
//   bcsctw, ubkttw (Party Charter; Politburo decisions of 2025), Party
//   committees, the Fatherland Front and mass organisations → central Party
//   and mass-organisation agencies;
// - unit nodes (provinces) → local.
// Anything else (an agency this mapping does not know) is 'unclassified' and
// listed by name, so a new agency is seen and mapped rather than miscounted.

export type Block = 'central_party' | 'central_state' | 'local' | 'unclassified';
export const BLOCKS: Block[] = ['central_party', 'central_state', 'local', 'unclassified'];

export const BLOCK_NAMES: Record<Block, { vi: string; en: string }> = {
  central_party: {
    vi: 'Khối Đảng, Mặt trận Tổ quốc và đoàn thể ở Trung ương',
    en: 'Central Party, Fatherland Front and mass-organisation agencies',
  },
  central_state: {
    vi: 'Khối cơ quan nhà nước ở Trung ương (bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ)',
    en: 'Central State agencies (ministries and Government bodies)',
  },
  local: { vi: 'Khối địa phương (tỉnh, thành phố)', en: 'Local (provinces and centrally-run cities)' },
  unclassified: { vi: 'Chưa xếp khối', en: 'Not yet assigned to a block' },
};

const STATE_CENTRAL_CODES = new Set(['nhnn', 'ttcp', 'vpcp']);
const PARTY_CENTRAL_CODES = new Set(['vptw', 'btctw', 'btgdvtw', 'bnctw', 'bcsctw', 'ubkttw']);
const PARTY_MASS_KINDS = new Set(['party_committee', 'fatherland_front', 'mass_organisation']);

/** The block of a node under the country: a unit (no agency) is local; an agency by its kind and code. */
export function blockOf(n: { agencyId: number | null; agencyKind: string | null; agencyKey: string | null }): Block {
  if (n.agencyId === null) return 'local';
  const code = n.agencyKey?.startsWith('central:') ? n.agencyKey.slice('central:'.length) : null;
  if (
    n.agencyKind === 'ministry' ||
    (n.agencyKind === 'central_agency' && code !== null && STATE_CENTRAL_CODES.has(code))
  )
    return 'central_state';
  if (
    PARTY_MASS_KINDS.has(n.agencyKind ?? '') ||
    (n.agencyKind === 'central_agency' && code !== null && PARTY_CENTRAL_CODES.has(code))
  )
    return 'central_party';
  return 'unclassified';
}
