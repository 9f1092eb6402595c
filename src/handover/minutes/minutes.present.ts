// A minutes version as the API sends it (no document bytes: those are a download).
import type { MinutesRow } from './minutes.store.ts';

export const presentMinutes = (m: MinutesRow) => ({
  version: m.version,
  number: m.number,
  documentSha256: m.document_sha256,
  linesSha256: m.lines_sha256,
  lineCount: m.line_count,
  outstanding: m.outstanding,
  createdAt: m.created_at,
  fromSignedBy: m.from_signed_label,
  fromSignedAt: m.from_signed_at,
  toSignedBy: m.to_signed_label,
  toSignedAt: m.to_signed_at,
});
