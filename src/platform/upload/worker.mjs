// A worker thread of the upload pool (pool.ts): runs one exported function of
// one of the server's own TypeScript modules, through tsx as the server does.
// An AppError (a refusal with its sentences) crosses back as plain data, since
// a thread boundary keeps only an Error's message; anything else is a bug.
import { register } from 'tsx/esm/api';

register();

/** Structured clone turns a Buffer into a Uint8Array: give functions the Buffer they expect. */
const asBuffer = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

export default async function run({ module, fn, args }) {
  const m = await import(module);
  if (typeof m[fn] !== 'function') throw new Error(`${module} has no function ${fn}`);
  try {
    return { ok: true, value: await m[fn](...args.map(asBuffer)) };
  } catch (err) {
    if (err && typeof err.status === 'number' && err.status < 500 && err.title && err.detail) {
      return { ok: false, error: { status: err.status, type: err.type, title: err.title, detail: err.detail, extra: err.extra ?? {} } };
    }
    throw err;
  }
}
