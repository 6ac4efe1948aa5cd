// QR capacity arithmetic (ISO/IEC 18004), used to keep every card QR at or below a target version.
// It computes the size of the segments our QR text is written with — the base URL in alphanumeric
// mode, '#' in byte mode, the credential digits in numeric mode — which is an upper bound on what an
// optimising QR encoder needs (such an encoder can only do as well or better).

/** Data codewords of versions 1–40 at error-correction level Q (index = version). */
const DATA_CODEWORDS_Q = [
  0, 13, 22, 34, 48, 62, 76, 88, 110, 132, 154, 180, 206, 244, 261, 295, 325, 367, 397, 445, 485, 512, 568,
  614, 664, 718, 754, 808, 871, 911, 985, 1033, 1115, 1171, 1231, 1286, 1354, 1426, 1502, 1582, 1666,
] as const;

/** The QR version the card must not exceed, at error-correction level Q. */
export const MAX_QR_VERSION = 12;

export const QR_ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

type Mode = 'numeric' | 'alphanumeric' | 'byte';

export interface QrSegment {
  mode: Mode;
  /** Characters for numeric/alphanumeric, bytes for byte mode. */
  length: number;
}

/** Character-count indicator bits for versions 1–9, 10–26 and 27–40. */
const COUNT_BITS: Record<Mode, readonly [number, number, number]> = {
  numeric: [10, 12, 14],
  alphanumeric: [9, 11, 13],
  byte: [8, 16, 16],
};

function countBits(mode: Mode, version: number): number {
  const [small, medium, large] = COUNT_BITS[mode];
  return version <= 9 ? small : version <= 26 ? medium : large;
}

function payloadBits(segment: QrSegment): number {
  const n = segment.length;
  if (segment.mode === 'numeric') return 10 * Math.floor(n / 3) + (n % 3 === 0 ? 0 : n % 3 === 1 ? 4 : 7);
  if (segment.mode === 'alphanumeric') return 11 * Math.floor(n / 2) + 6 * (n % 2);
  return 8 * n;
}

/** Bits the segments take in a symbol of the given version (mode indicators included). */
export function segmentBits(segments: QrSegment[], version: number): number {
  return segments.reduce((bits, s) => bits + 4 + countBits(s.mode, version) + payloadBits(s), 0);
}

export function dataCapacityBits(version: number): number {
  const codewords = DATA_CODEWORDS_Q[version];
  if (codewords === undefined || version < 1) throw new RangeError(`no QR version ${version}`);
  return codewords * 8;
}

/** Smallest version (level Q) that holds the segments, or null if none up to 40 does. */
export function qrVersionForSegments(segments: QrSegment[]): number | null {
  for (let v = 1; v <= 40; v++) if (segmentBits(segments, v) <= dataCapacityBits(v)) return v;
  return null;
}

/** Segments of a card QR text: `BASE#` followed by `digits` decimal digits. */
export function cardQrSegments(baseUrl: string, digits: number): QrSegment[] {
  return [
    { mode: 'alphanumeric', length: baseUrl.length },
    { mode: 'byte', length: 1 },
    { mode: 'numeric', length: digits },
  ];
}
