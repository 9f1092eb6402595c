// Tracking codes: what the citizen keeps instead of an account. The code alone lets its holder follow, reopen
// and rate an item, so it is random (60 bits from the CSPRNG), not a serial number someone could walk.
// Crockford's alphabet: no I, L, O, U, so a code read over the phone is not misheard.
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PATTERN = /^PA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  return `PA-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}

/** Codes as people type them: lower case, spaces, O for 0, I/L for 1. */
export function normaliseCode(input: string): string {
  const s = input.trim().toUpperCase().replace(/[\s_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const bare = s.replace(/-/g, '');
  return /^PA[0-9A-Z]{12}$/.test(bare) ? `PA-${bare.slice(2, 6)}-${bare.slice(6, 10)}-${bare.slice(10, 14)}` : s;
}
