// Just enough of the ZIP format to look inside a workbook before streaming it: the central
// directory (is it a whole zip? which parts?) and the parts themselves, inflated on demand.
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip held in memory, or null when its central directory is missing or broken. */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  if (buf.length < 22) return null;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  let at = buf.readUInt32LE(eocd + 16);
  if (at + dirSize > eocd) return null;
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    if (entry.localOffset + 30 > buf.length || buf.readUInt32LE(entry.localOffset) !== LOCAL) return null;
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(buf: Buffer, e: ZipEntry): Buffer {
  const nameLength = buf.readUInt16LE(e.localOffset + 26);
  const extraLength = buf.readUInt16LE(e.localOffset + 28);
  const start = e.localOffset + 30 + nameLength + extraLength;
  if (start + e.compressedSize > buf.length) throw new Error(`zip entry ${e.name} is truncated`);
  return buf.subarray(start, start + e.compressedSize);
}

/** A small part (workbook, relationships) as text. */
export function readEntryText(buf: Buffer, e: ZipEntry): string {
  const data = compressedData(buf, e);
  if (e.method === 0) return data.toString('utf8');
  if (e.method !== 8) throw new Error(`zip method ${e.method} not supported`);
  return zlib.inflateRawSync(data).toString('utf8');
}

/**
 * Streams a part through `onText` chunk by chunk (the text of a chunk may cut an XML tag: callers
 * keep a tail), without holding the inflated part in memory.
 */
export async function scanEntry(buf: Buffer, e: ZipEntry, onText: (text: string) => void): Promise<void> {
  const data = compressedData(buf, e);
  if (e.method === 0) {
    onText(data.toString('utf8'));
    return;
  }
  if (e.method !== 8) throw new Error(`zip method ${e.method} not supported`);
  const decoder = new StringDecoder('utf8');
  await new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    inflate.on('data', (chunk: Buffer) => onText(decoder.write(chunk)));
    inflate.on('end', () => {
      onText(decoder.end());
      resolve();
    });
    inflate.on('error', reject);
    inflate.end(data);
  });
}
