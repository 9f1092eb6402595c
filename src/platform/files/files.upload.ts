// An upload route's file, streamed into the file store: hashed and checked as it arrives (never whole in
// memory), refused past its byte limit with 413 problem+json, refused when its type is not allowed or its
// bytes are not of the declared type (415), and nothing left behind when refused, broken off, or when the
// fields or the module's own step fail. The route has checked the caller's role first (as for every upload).
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/db.ts';
import { readUploadWith } from '../upload/intake.ts';
import type { BlobStore, StoredBlob } from './files.blob.ts';
import type { MediaType } from './files.types.ts';
import { discardUnrecorded, recordFile } from './files.service.ts';
import type { FileRow } from './files.store.ts';

export interface ReceiveOptions<F extends z.ZodObject> {
  db: Db;
  files: BlobStore;
  /** The form's fields other than the file (the route's zod schema, as for readUpload). */
  fields: F;
  maxBytes: number;
  allowed: readonly MediaType[];
}

export interface Received<F extends z.ZodObject> {
  fields: z.infer<F>;
  /** The row in `stored_files`: reference `file.sha256` from the module's row. */
  file: FileRow;
  /** The name the client gave (shown to people; never used as a path). */
  fileName: string;
}

/**
 * Streams the request's file into the store, then runs `use` in one transaction with the file's row
 * already written: the module inserts its row referencing it and its audit record there.
 */
export async function receiveUpload<F extends z.ZodObject, T>(
  req: FastifyRequest,
  o: ReceiveOptions<F>,
  use: (trx: Db, received: Received<F>) => Promise<T>,
): Promise<T> {
  const { fields, file } = await readUploadWith(
    req,
    o.fields,
    { bytes: o.maxBytes },
    async (part) => ({
      fileName: part.fileName,
      blob: await o.files.put(part.stream, { mediaType: part.mediaType, allowed: o.allowed, maxBytes: o.maxBytes }),
    }),
    (kept) => discardUnrecorded(o.db, o.files, kept.blob),
  );
  const blob: StoredBlob = file.blob;
  try {
    return await o.db.transaction().execute(async (trx) => {
      const row = await recordFile(trx, o.files, blob);
      return use(trx, { fields, file: row, fileName: file.fileName });
    });
  } catch (err) {
    await discardUnrecorded(o.db, o.files, blob).catch(() => {});
    throw err;
  }
}
