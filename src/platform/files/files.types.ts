// Which kinds of file may be stored, and how the first bytes prove the kind a client declared. A client's
// Content-Type is a claim: a "photo" that is really an HTML page or a script would be served back to other
// people as if it were a photo. So each allowed media type has a signature checked on the file's first bytes
// (the published magic numbers of each format), and a type without one cannot be allowed at all.
import { AppError, badRequest } from '../errors.ts';

/** Bytes needed to check any signature below. */
export const SNIFF_BYTES = 16;

const startsWith = (head: Buffer, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ascii = (head: Buffer, at: number, text: string) =>
  head.subarray(at, at + text.length).toString('latin1') === text;

const SIGNATURES = {
  'image/jpeg': (h: Buffer) => startsWith(h, 0xff, 0xd8, 0xff),
  'image/png': (h: Buffer) => startsWith(h, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  'image/gif': (h: Buffer) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a'),
  'image/webp': (h: Buffer) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP'),
  // HEIC is what iPhones save photos as: an ISO media file whose brand says HEIF.
  'image/heic': (h: Buffer) => ascii(h, 4, 'ftyp') && ['heic', 'heix', 'mif1', 'msf1'].some((b) => ascii(h, 8, b)),
  'application/pdf': (h: Buffer) => ascii(h, 0, '%PDF-'),
  // Office files are zip archives (PK\3\4); what is inside is the reader's business (upload/xlsx.read.ts).
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (h: Buffer) =>
    startsWith(h, 0x50, 0x4b, 0x03, 0x04),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (h: Buffer) =>
    startsWith(h, 0x50, 0x4b, 0x03, 0x04),
  // Text has no magic number: it must at least not be binary (no NUL byte at its start).
  'text/plain': (h: Buffer) => !h.includes(0),
  'text/csv': (h: Buffer) => !h.includes(0),
} as const;

export type MediaType = keyof typeof SIGNATURES;
export const MEDIA_TYPES = Object.keys(SIGNATURES) as MediaType[];

/** Photos and scans, the common case (issues 11 and 13). */
export const IMAGE_TYPES: readonly MediaType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];
export const SCAN_TYPES: readonly MediaType[] = [...IMAGE_TYPES, 'application/pdf'];

/** "image/JPEG; charset=x" → "image/jpeg"; browsers send "image/jpg" for some JPEGs. */
export function normaliseMediaType(declared: string): string {
  const base = declared.split(';')[0].trim().toLowerCase();
  return base === 'image/jpg' ? 'image/jpeg' : base;
}

const list = (types: readonly string[]) => types.join(', ');

/** The declared type must be one of `allowed`; thrown before a byte is stored. */
export function checkDeclaredType(declared: string, allowed: readonly MediaType[]): MediaType {
  for (const t of allowed) if (!(t in SIGNATURES)) throw new Error(`files: no signature for media type ${t}`);
  const type = normaliseMediaType(declared);
  if (!(allowed as readonly string[]).includes(type)) {
    throw new AppError(
      415,
      'unsupported-file-type',
      { vi: 'Loại tệp không được nhận', en: 'File type not accepted' },
      {
        vi: `Tệp loại "${type || 'không rõ'}" không được nhận ở đây. Hãy gửi một tệp thuộc các loại: ${list(allowed)}.`,
        en: `Files of type "${type || 'unknown'}" are not accepted here. Send a file of one of these types: ${list(allowed)}.`,
      },
      { mediaType: type, allowed },
    );
  }
  return type as MediaType;
}

/** The first bytes must be those of the declared type (`head` holds SNIFF_BYTES, or the whole of a shorter file). */
export function checkSignature(type: MediaType, head: Buffer): void {
  if (head.length === 0) {
    throw badRequest({
      vi: 'Tệp rỗng (0 byte). Hãy chọn lại tệp.',
      en: 'The file is empty (0 bytes). Choose it again.',
    });
  }
  if (!SIGNATURES[type](head)) {
    throw new AppError(
      415,
      'file-content-mismatch',
      { vi: 'Nội dung tệp không đúng loại', en: 'File content does not match its type' },
      {
        vi: `Tệp được gửi là "${type}" nhưng nội dung không phải loại đó (tệp hỏng, hoặc bị đổi đuôi). Hãy mở tệp để kiểm tra rồi gửi lại, hoặc lưu lại đúng định dạng.`,
        en: `The file was sent as "${type}" but its content is not of that type (damaged, or renamed). Open it to check and send it again, or save it in that format.`,
      },
      { mediaType: type },
    );
  }
}
