// Files that users uploaded are served back as downloads, never as pages: the
// stored type is the uploader's word, so only document and image types on an
// allow-list keep theirs, everything else is application/octet-stream, and a
// sandboxing policy forbids the file to run anything if opened in the browser.
import type { FastifyReply } from 'fastify';

const SAFE_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/zip',
  'text/plain',
  'text/csv',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'image/bmp',
]);

/** Every type a download of an uploaded file may carry: the allow-list, and octet-stream for the rest. */
export const DOWNLOAD_TYPES = [...SAFE_TYPES, 'application/octet-stream'];

/** The declared type when it is a plain document or image type (parameters dropped), else application/octet-stream. */
export function safeDownloadType(declared: string | null | undefined): string {
  const type = (declared ?? '').split(';')[0].trim().toLowerCase();
  return SAFE_TYPES.has(type) ? type : 'application/octet-stream';
}

/** Sends an uploaded file as an attachment with a safe type, nosniff and a sandbox. */
export function sendUploadedFile(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string | null; content: Buffer },
) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(safeDownloadType(file.mediaType))
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.content);
}
