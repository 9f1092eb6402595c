// Files arrive as multipart/form-data: one part named "file" and the form's
// fields. The body is read in the handler, after the role check (onRequest and
// the handler's own check run first; @fastify/multipart's content-type parser
// only marks the request), and the file part streams into a buffer that stops
// at the byte limit: a 1 GB upload costs at most the limit in memory, and the
// rest of the request is discarded unread. Fields are checked with the route's
// zod schema (the one OpenAPI shows) once read.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import multipart from '@fastify/multipart';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, badRequest } from '../errors.ts';
import { tooLarge, type UploadLimits } from './limits.ts';
import { closeHeavyPool } from './pool.ts';
import { requestLang } from '../http/problem.ts';
import { fieldProblems, validationDetail } from '../http/validation.ts';

export interface UploadedFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** Registers the multipart parser once for the app and closes the worker pool with it. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  // Route limits are passed per request (readUpload); these are the ceiling for any other multipart body.
  await app.register(multipart, {
    limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 30, fieldSize: 100_000, parts: 31 },
  });
  app.addHook('onClose', async () => {
    await closeHeavyPool();
  });
}

/** What OpenAPI says of every upload: the limits and the answers a client must handle. */
export function limitsDoc(l: UploadLimits): string {
  const mb = (n: number) => `${n / (1024 * 1024)} MB`;
  return (
    `Limits: ${mb(l.bytes)} per file, ${l.rows.toLocaleString('en')} rows, ${l.cells.toLocaleString('en')} cells holding a value, ` +
    `${l.columns} cells in a CSV row, ${mb(l.unpackedBytes)} once an .xlsx is unzipped, ${l.entries} files inside it. ` +
    "Over a limit: 413 problem+json with `limit`, `max` and the file's `figure` (`atLeast` when reading stopped there). " +
    'A second heavy upload by the same user while one runs: 429 with Retry-After; the server busy with others: 503 with Retry-After.'
  );
}

// The body of an upload route is read by its handler, not by Fastify: only querystring and params are validated up front.
const headersAndParamsOnly: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never);

/**
 * Route options of an upload: OpenAPI shows a multipart body with the file and
 * `fields`; Fastify does not validate that body (readUpload does, as it streams).
 */
export function uploadRoute<F extends z.ZodObject, X extends object = object>(
  fields: F,
  docs: { tags: string[]; summary: string; file: string; limits: UploadLimits },
  extra?: X,
) {
  const { file, limits, ...rest } = docs;
  return {
    schema: {
      ...rest,
      description: limitsDoc(limits),
      ...(extra as X),
      consumes: ['multipart/form-data'],
      body: fields.extend({ file: z.file().describe(file) }),
    },
    validatorCompiler: headersAndParamsOnly,
  };
}

const notMultipart = () =>
  new AppError(
    415,
    'unsupported-media-type',
    { vi: 'Sai kiểu dữ liệu gửi lên', en: 'Unsupported media type' },
    {
      vi: 'Hãy gửi tệp dạng multipart/form-data, với tệp ở trường "file" (như một biểu mẫu tải tệp lên).',
      en: 'Send the file as multipart/form-data, with the file in the field "file" (as an upload form does).',
    },
  );

const noFile = () =>
  badRequest({ vi: 'Chưa có tệp: hãy gửi tệp ở trường "file".', en: 'No file: send the file in the field "file".' });

function requestSize(req: FastifyRequest): number | null {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function overBytes(req: FastifyRequest, max: number, received: number): AppError {
  const sent = requestSize(req);
  return sent !== null && sent > max
    ? tooLarge({ limit: 'bytes', max, figure: sent, approx: true })
    : tooLarge({ limit: 'bytes', max, figure: Math.max(received, max + 1), atLeast: true }); // cut at the limit: one byte more at least
}

/** Past this, the rest of a refused upload is not read: the connection is closed instead. */
const DISCARD_AT_MOST = 256 * 1024 * 1024;

/**
 * After a refusal, the rest of the upload is read and thrown away (up to
 * DISCARD_AT_MOST), so the answer reaches the client: a server that closes
 * while a client is still sending makes browsers show "connection reset"
 * instead of the 413's sentence. Reading costs no memory and little CPU.
 */
function discardRest(req: FastifyRequest): void {
  const raw = req.raw;
  if (raw.readableEnded || raw.destroyed) return;
  let seen = 0;
  raw.unpipe();
  raw.removeAllListeners('data');
  raw.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_AT_MOST) raw.destroy();
  });
  raw.resume();
}

/** Reads the multipart body: the one file (at most `limits.bytes`) and the fields, checked with `fields`. */
export async function readUpload<F extends z.ZodObject>(
  req: FastifyRequest,
  fields: F,
  limits: Pick<UploadLimits, 'bytes'>,
): Promise<{ fields: z.infer<F>; file: UploadedFile }> {
  const toBuffer = async (part: FilePart): Promise<UploadedFile> => {
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of part.stream) {
      received += (chunk as Buffer).length;
      if (part.stream.truncated || received > limits.bytes) throw overBytes(req, limits.bytes, received);
      chunks.push(chunk as Buffer);
    }
    if (part.stream.truncated) throw overBytes(req, limits.bytes, received);
    return { fileName: part.fileName, mediaType: part.mediaType, bytes: Buffer.concat(chunks, received) };
  };
  return readUploadWith(req, fields, limits, toBuffer);
}

/** The file part of an upload, as it streams in. */
export interface FilePart {
  stream: Readable & { truncated: boolean };
  fileName: string;
  mediaType: string;
}

/**
 * Reads the multipart body, giving the file part to `consume` as it streams (platform/files/files.upload.ts
 * streams it into the file store; readUpload into a buffer). `consume` must refuse a byte past
 * `limits.bytes` (the part is cut one byte later, so going over is seen); a refusal worded by tooLarge is
 * reworded with the request's size. When the request fails after `consume` returned (a bad field, a second
 * file), `release` undoes what it kept.
 */
export async function readUploadWith<F extends z.ZodObject, T>(
  req: FastifyRequest,
  fields: F,
  limits: Pick<UploadLimits, 'bytes'>,
  consume: (part: FilePart) => Promise<T>,
  release?: (file: T) => Promise<void>,
): Promise<{ fields: z.infer<F>; file: T }> {
  const kept: { file?: T } = {};
  try {
    return await readParts(req, fields, limits, consume, kept);
  } catch (err) {
    discardRest(req);
    if (kept.file !== undefined && release) await release(kept.file).catch(() => {});
    throw err;
  }
}

async function readParts<F extends z.ZodObject, T>(
  req: FastifyRequest,
  fields: F,
  limits: Pick<UploadLimits, 'bytes'>,
  consume: (part: FilePart) => Promise<T>,
  kept: { file?: T },
): Promise<{ fields: z.infer<F>; file: T }> {
  if (!req.isMultipart()) throw notMultipart();
  const sent = requestSize(req);
  // A declared size far over the limit is refused before a byte of it is parsed.
  if (sent !== null && sent > limits.bytes + 1024 * 1024)
    throw tooLarge({ limit: 'bytes', max: limits.bytes, figure: sent, approx: true });
  const values: Record<string, string> = {};
  try {
    for await (const part of req.parts({
      // One byte over the limit is let through, so the consumer sees the file is too large.
      limits: { fileSize: limits.bytes + 1, files: 1, fields: 30, fieldSize: 100_000, parts: 31 },
    })) {
      if (part.type === 'field') {
        if (part.valueTruncated)
          throw badRequest({
            vi: `Trường "${part.fieldname}" dài quá 100.000 ký tự.`,
            en: `The field "${part.fieldname}" is longer than 100,000 characters.`,
          });
        values[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest({
          vi: `Tệp phải ở trường "file", không phải "${part.fieldname}".`,
          en: `The file must be in the field "file", not "${part.fieldname}".`,
        });
      }
      try {
        kept.file = await consume({ stream: part.file, fileName: part.filename || 'upload', mediaType: part.mimetype });
      } catch (err) {
        part.file.resume();
        throw err;
      }
    }
  } catch (err) {
    throw uploadError(err, req, limits.bytes);
  }
  if (kept.file === undefined) throw noFile();
  const parsed = fields.safeParse(values);
  if (!parsed.success) {
    const problems = fieldProblems(
      parsed.error.issues.map(({ code, path, message, ...params }) => ({
        keyword: code,
        instancePath: `/${path.join('/')}`,
        message,
        params,
      })),
      'body',
    );
    const lang = requestLang(req);
    throw badRequest(validationDetail(problems), {
      errors: problems.map((f) => ({ field: f.field, label: f.label, message: f.message[lang] })),
    });
  }
  return { fields: parsed.data, file: kept.file };
}

/** @fastify/multipart's and busboy's errors as refusals a person can act on. */
function uploadError(err: unknown, req: FastifyRequest, maxBytes: number): unknown {
  if (err instanceof AppError) {
    // The consumer's own byte refusal, reworded with the request's size when that says more.
    if (err.type === 'upload-too-large' && err.extra.limit === 'bytes')
      return overBytes(req, maxBytes, Number(err.extra.figure));
    return err;
  }
  const e = err as Error & { code?: string };
  switch (e.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return overBytes(req, maxBytes, maxBytes + 1);
    case 'FST_FILES_LIMIT':
      return badRequest({ vi: 'Mỗi lần chỉ gửi một tệp.', en: 'Send one file at a time.' });
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return badRequest({ vi: 'Biểu mẫu có quá nhiều trường.', en: 'The form has too many fields.' });
    case 'FST_PROTO_VIOLATION':
      return badRequest({ vi: 'Tên trường không hợp lệ.', en: 'A field name is not allowed.' });
    default:
      break;
  }
  if (/multipart|boundary|Unexpected end|terminated early|Malformed/i.test(e.message ?? '')) {
    return badRequest({
      vi: `Dữ liệu tải lên bị hỏng hoặc bị cắt ngang (${e.message}). Hãy gửi lại.`,
      en: `The upload is damaged or was cut short (${e.message}). Send it again.`,
    });
  }
  return err;
}
