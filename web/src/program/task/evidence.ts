// Evidence files travel inside the report as base64 (the server stores them by SHA-256).
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** All files of one report together (the server refuses a larger report with 413). */
export const MAX_EVIDENCE_TOTAL_BYTES = 20 * 1024 * 1024;

export interface EvidenceUpload {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

export function readAsBase64(file: File): Promise<EvidenceUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result); // data:<type>;base64,<data>
      resolve({
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64: url.slice(url.indexOf(',') + 1),
      });
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}
