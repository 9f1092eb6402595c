// Whether the registry knows a unit to be in force on a day. Validity is
// half-open (valid_from <= day < valid_to). A unit whose start is unknown is
// in force from the first day a source attests it (attested_from); before that
// the registry has no data on it, which is not the same as "in force".
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
  attestedFrom: string | null;
}

export function knownInForce(u: Validity, day: string): boolean {
  const started = u.validFrom ? u.validFrom <= day : !u.attestedFrom || u.attestedFrom <= day;
  return started && (!u.validTo || u.validTo > day);
}

/** In force on the day by its dates, but before any source attests it: the registry cannot say. */
export function unknownOn(u: Validity, day: string): boolean {
  return !u.validFrom && !!u.attestedFrom && u.attestedFrom > day && (!u.validTo || u.validTo > day);
}
