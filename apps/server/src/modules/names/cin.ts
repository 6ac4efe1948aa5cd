// The national identity card number (CIN/CNIE): 1–2 letters (issuing office) then digits.
// No public checksum exists (domain.md §3), so only the shape is checked.

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Normalises a CIN as typed or as found in legacy lists ("bk 12 345", "a-123456", "Ａ１２３"): trims,
 * removes spaces, dashes, dots and slashes, converts full-width and Arabic-Indic digits, uppercases.
 * Returns null unless the result matches `^[A-Z]{1,2}\d{1,6}$`.
 */
export function normalizeCin(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const s = input
    .normalize('NFKC')
    .replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .replace(/[\s\-_./\\]+/g, '')
    .toUpperCase();
  return /^[A-Z]{1,2}\d{1,6}$/.test(s) ? s : null;
}
