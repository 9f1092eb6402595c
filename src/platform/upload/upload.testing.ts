// A multipart/form-data body for tests, as a browser's FormData sends it: the
// fields, then the file in the part "file".
export interface MultipartBody {
  payload: Buffer;
  headers: { 'content-type': string };
}

export async function multipartBody(
  fields: Record<string, string | number | boolean | undefined>,
  file: { name: string; content: Buffer | string; type?: string },
): Promise<MultipartBody> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, String(v));
  form.append('file', new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  };
}
