// SHA-256 of a document and of a line list. The line list is hashed from a canonical JSON form (lines
// in id order, each with its fields in one fixed order), so the same lines always give the same hash
// on both engines and anyone can check later that the lines are still those the minutes were made from.
import crypto from 'node:crypto';
import type { LineOut } from '../handover.schemas.ts';

export const sha256 = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex');

/** JSON with object keys sorted at every depth: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function linesSha256(lines: LineOut[]): string {
  const sorted = [...lines].sort((a, b) => a.id - b.id).map(({ masked: _m, ...l }) => l);
  return sha256(canonicalJson(sorted));
}
