// W3C Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/), one status bit
// per card: index 0 is the left-most (most significant) bit of the first byte; the list holds at
// least 131,072 entries (16 KiB); `encodedList` = "u" (multibase base64url) + base64url without
// padding of the GZIP-compressed bitstring. GZIP goes through the Web-standard CompressionStream.
import { fromBase64url, toBase64url } from './bytes.ts';

export const MIN_STATUS_LIST_SIZE = 131_072;
/** Refuse to inflate more than this (a gzip bomb would otherwise exhaust memory): 2^24 entries. */
export const MAX_STATUS_LIST_BYTES = 2 * 1024 * 1024;
export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

export class StatusListError extends Error {
  readonly code = 'status_list_invalid';
}

export class BitstringStatusList {
  readonly bytes: Uint8Array;

  constructor(size: number = MIN_STATUS_LIST_SIZE, bytes?: Uint8Array) {
    if (!Number.isInteger(size) || size < MIN_STATUS_LIST_SIZE || size % 8 !== 0) {
      throw new StatusListError(
        `a status list holds a multiple of 8 entries, at least ${MIN_STATUS_LIST_SIZE}`,
      );
    }
    if (bytes && bytes.length * 8 !== size) throw new StatusListError('bitstring length does not match size');
    this.bytes = bytes ? new Uint8Array(bytes) : new Uint8Array(size / 8);
  }

  get size(): number {
    return this.bytes.length * 8;
  }

  has(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.size;
  }

  get(index: number): boolean {
    this.check(index);
    return ((this.bytes[index >> 3] as number) & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value: boolean): void {
    this.check(index);
    const mask = 0x80 >> (index & 7);
    const at = index >> 3;
    this.bytes[at] = value ? (this.bytes[at] as number) | mask : (this.bytes[at] as number) & ~mask;
  }

  private check(index: number): void {
    if (!this.has(index)) throw new StatusListError(`index ${index} is outside the list (size ${this.size})`);
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number) {
  const reader = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new StatusListError('the status list inflates beyond the size limit');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The W3C `encodedList` of a list: "u" + base64url(gzip(bitstring)). */
export async function encodeStatusList(list: BitstringStatusList): Promise<string> {
  const gz = await pipe(list.bytes, new CompressionStream('gzip'), Number.POSITIVE_INFINITY);
  return `u${toBase64url(gz)}`;
}

export async function decodeStatusList(encodedList: string): Promise<BitstringStatusList> {
  if (!encodedList.startsWith('u'))
    throw new StatusListError('encodedList must carry the multibase prefix "u"');
  let gz: Uint8Array;
  try {
    gz = fromBase64url(encodedList.slice(1));
  } catch {
    throw new StatusListError('encodedList is not base64url');
  }
  let bits: Uint8Array;
  try {
    bits = await pipe(gz, new DecompressionStream('gzip'), MAX_STATUS_LIST_BYTES);
  } catch (e) {
    if (e instanceof StatusListError) throw e;
    throw new StatusListError('encodedList is not valid GZIP');
  }
  if (bits.length * 8 < MIN_STATUS_LIST_SIZE)
    throw new StatusListError('the bitstring is shorter than 16 KiB');
  return new BitstringStatusList(bits.length * 8, bits);
}
