// Row → API shapes for units. Kept apart so routes, CLI and tests share them.
export interface UnitSummary {
  id: number;
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  type: string;
  level: number;
  validFrom: string | null;
  validTo: string | null;
  /** When validFrom is unknown: the first day a source attests the unit in force (no data before it). */
  attestedFrom: string | null;
  childCount?: number;
}

interface SummaryRow {
  id: number;
  code: string;
  name: string;
  full_name: string;
  name_en: string | null;
  full_name_en: string | null;
  type: string;
  level: number;
  valid_from: string | null;
  valid_to: string | null;
  attested_from?: string | null;
  child_count?: number;
}

export function toSummary(r: SummaryRow): UnitSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    fullName: r.full_name,
    nameEn: r.name_en,
    fullNameEn: r.full_name_en,
    type: r.type,
    level: r.level,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    attestedFrom: r.attested_from ?? null,
    ...(r.child_count !== undefined ? { childCount: r.child_count } : {}),
  };
}

export interface PlacedRow extends SummaryRow {
  admin_centre: string | null;
  area_km2: number | null;
  population: number | null;
  parent_level: number | null;
  parent_name: string | null;
  parent_short_name: string | null;
  parent_code: string | null;
  grandparent_level: number | null;
  grandparent_name: string | null;
  grandparent_short_name: string | null;
  grandparent_code: string | null;
}

/** A unit with the names of its district (before 2025) and province, from its parent chain. */
export function toPlaced(r: PlacedRow) {
  const province =
    r.parent_level === 1
      ? { code: r.parent_code!, name: r.parent_short_name!, fullName: r.parent_name! }
      : r.grandparent_level === 1
        ? { code: r.grandparent_code!, name: r.grandparent_short_name!, fullName: r.grandparent_name! }
        : null;
  return {
    ...toSummary(r),
    adminCentre: r.admin_centre,
    areaKm2: r.area_km2,
    population: r.population,
    districtName: r.parent_level === 2 ? r.parent_name : null,
    provinceName: province?.fullName ?? null,
    provinceShortName: province?.name ?? null,
    provinceCode: province?.code ?? null,
  };
}
export type PlacedUnit = ReturnType<typeof toPlaced>;
