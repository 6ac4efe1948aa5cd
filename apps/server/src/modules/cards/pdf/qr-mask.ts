/**
 * QR mask selection, done on a flat Uint8Array. The `qrcode` library picks the mask by applying
 * each of the 8 patterns through BitMatrix.get/xor calls, which is 40 % of a card's rendering
 * time. Here the symbol is built once with mask 0, unmasked, and the 8 candidates are scored
 * with the same penalty rules (ISO/IEC 18004 §7.8.3, as the library implements them), so the
 * chosen mask — and the symbol — are exactly what the library would produce.
 */

const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;

function maskBit(pattern: number, i: number, j: number): boolean {
  switch (pattern) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

/** Per symbol size: for each pattern, 1 where the mask flips a (non-reserved) module. */
const maskCache = new Map<number, Uint8Array[]>();

/** Masks for a symbol size (the size fixes the version, hence which modules are reserved). */
function masksFor(size: number, reserved: Uint8Array): Uint8Array[] {
  let masks = maskCache.get(size);
  if (!masks) {
    masks = [];
    for (let p = 0; p < 8; p++) {
      const m = new Uint8Array(size * size);
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          if (!reserved[i * size + j] && maskBit(p, i, j)) m[i * size + j] = 1;
        }
      }
      masks.push(m);
    }
    maskCache.set(size, masks);
  }
  return masks;
}

/** 15-bit format information (error correction level bits + mask, BCH-protected). */
function formatBits(eclBit: number, mask: number): number {
  const G15 = 0x537;
  const data = (eclBit << 3) | mask;
  let d = data << 10;
  for (let shift = 4; shift >= 0; shift--) if (d & (1 << (shift + 10))) d ^= G15 << shift;
  return ((data << 10) | d) ^ 0x5412;
}

/** Writes the format information for `mask` into the symbol (same placement as the library). */
function setFormat(data: Uint8Array, size: number, eclBit: number, mask: number): void {
  const bits = formatBits(eclBit, mask);
  for (let i = 0; i < 15; i++) {
    const mod = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    data[row * size + 8] = mod;
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    data[8 * size + col] = mod;
  }
  data[(size - 8) * size + 8] = 1;
}

/**
 * Penalty of a masked symbol, as the library computes it: N1 (runs of 5+ same-colour modules),
 * N2 (2×2 blocks of one colour), N3 (finder-like 1011101 patterns with 4 light modules on one
 * side), N4 (deviation from 50 % dark). Stops early, returning a value ≥ `bound`, once the score
 * cannot beat the best mask so far (every term is non-negative).
 */
function penalty(d: Uint8Array, size: number, bound: number): number {
  let points = 0;
  let dark = 0;
  // Rows: N1, N3, plus N2 between this row and the next, and the dark count.
  for (let r = 0; r < size; r++) {
    const row = r * size;
    let run = 0;
    let last = -1;
    let bits = 0;
    for (let c = 0; c < size; c++) {
      const i = row + c;
      const m = d[i] as number;
      dark += m;
      if (m === last) run++;
      else {
        if (run >= 5) points += N1 + run - 5;
        last = m;
        run = 1;
      }
      bits = ((bits << 1) & 0x7ff) | m;
      if (c >= 10 && (bits === 0x5d0 || bits === 0x05d)) points += N3;
      if (r < size - 1 && c < size - 1) {
        const s4 = m + (d[i + 1] as number) + (d[i + size] as number) + (d[i + size + 1] as number);
        if (s4 === 4 || s4 === 0) points += N2;
      }
    }
    if (run >= 5) points += N1 + run - 5;
  }
  points += Math.abs(Math.ceil((dark * 100) / d.length / 5) - 10) * N4;
  if (points >= bound) return points;
  // Columns: N1 and N3.
  for (let c = 0; c < size; c++) {
    let run = 0;
    let last = -1;
    let bits = 0;
    for (let r = 0, i = c; r < size; r++, i += size) {
      const m = d[i] as number;
      if (m === last) run++;
      else {
        if (run >= 5) points += N1 + run - 5;
        last = m;
        run = 1;
      }
      bits = ((bits << 1) & 0x7ff) | m;
      if (r >= 10 && (bits === 0x5d0 || bits === 0x05d)) points += N3;
    }
    if (run >= 5) points += N1 + run - 5;
    if (points >= bound) return points;
  }
  return points;
}

/**
 * Given a symbol built with mask 0 (modules and reserved-module flags, row-major), returns the
 * symbol with the lowest-penalty mask applied and its format information written.
 */
export function applyBestMask(
  mask0: Uint8Array,
  reserved: Uint8Array,
  size: number,
  eclBit: number,
): Uint8Array {
  const masks = masksFor(size, reserved);
  const m0 = masks[0] ?? new Uint8Array(0);
  const unmasked = new Uint8Array(mask0.length);
  for (let i = 0; i < unmasked.length; i++) unmasked[i] = (mask0[i] as number) ^ (m0[i] as number);
  let best = -1;
  let lowest = Number.POSITIVE_INFINITY;
  const candidate = new Uint8Array(mask0.length);
  for (let p = 0; p < 8; p++) {
    const m = masks[p] ?? m0;
    for (let i = 0; i < candidate.length; i++) candidate[i] = (unmasked[i] as number) ^ (m[i] as number);
    setFormat(candidate, size, eclBit, p);
    const score = penalty(candidate, size, lowest);
    if (score < lowest) {
      lowest = score;
      best = p;
    }
  }
  const m = masks[best] ?? m0;
  for (let i = 0; i < candidate.length; i++) candidate[i] = (unmasked[i] as number) ^ (m[i] as number);
  setFormat(candidate, size, eclBit, best);
  return candidate;
}
