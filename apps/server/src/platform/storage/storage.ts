import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where uploaded files live: outside the database, addressed by the SHA-256 of their content, so
 * the same file uploaded twice is stored once and a stored file can be checked against its key.
 */
export interface BlobStorage {
  put(bytes: Uint8Array): Promise<{ key: string; size: number }>;
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
}

const KEY = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A local folder: <root>/ab/cd/<sha256>. Writes go through a temporary file and a rename. */
export function localFolderStorage(root: string): BlobStorage {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async put(bytes) {
      const key = sha256Hex(bytes);
      const file = pathOf(key);
      if (!fs.existsSync(file)) {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await fs.promises.writeFile(tmp, bytes, { mode: 0o600 });
        await fs.promises.rename(tmp, file);
      }
      return { key, size: bytes.byteLength };
    },
    async get(key) {
      try {
        return await fs.promises.readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async has(key) {
      return fs.existsSync(pathOf(key));
    },
  };
}

export type SniffedType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The file's real type from its first bytes, whatever its name or declared type says. */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  const b = bytes;
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) {
    return 'application/pdf';
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png';
  return null;
}
