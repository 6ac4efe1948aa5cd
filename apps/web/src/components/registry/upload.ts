import type { DocumentType, Problem } from '@hirfa/contracts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ApiError, NetworkError } from '../../lib/api.ts';
import type { ApplicationDocument } from './registry.api.ts';

const SHRINK_ABOVE = 1.5 * 1024 * 1024;
const MAX_SIDE = 2200;
/** Types the server takes as they are; anything else goes as bytes and is judged by its content. */
const SENT_AS = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * A phone photo is often 4–8 MB: redrawn at a readable size it uploads in seconds on a slow
 * connection. PDFs and small images are sent as they are.
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  if (!/^image\/(jpeg|png)$/.test(file.type) || file.size <= SHRINK_ABOVE) return file;
  if (typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string';
}

/**
 * Sends one piece as the raw request body (the server reads its real type from the bytes).
 * XMLHttpRequest rather than fetch: it reports upload progress, which matters on a slow line.
 */
export function uploadDocument(options: {
  applicationId: string;
  type: DocumentType;
  body: Blob;
  name: string;
  csrfToken: string | undefined;
  onProgress?: (fraction: number) => void;
}): Promise<ApplicationDocument> {
  const { applicationId, type, body, name, csrfToken, onProgress } = options;
  const query = new URLSearchParams({ type, name: name.slice(0, 200) });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/applications/${applicationId}/documents?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.setRequestHeader('Content-Type', SENT_AS.has(body.type) ? body.type : 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.ontimeout = () => reject(new NetworkError());
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as ApplicationDocument);
      else if (isProblem(parsed)) reject(new ApiError(parsed));
      else reject(new NetworkError(xhr.status));
    };
    xhr.send(body);
  });
}
