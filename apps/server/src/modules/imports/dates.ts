// Birth dates as legacy lists write them: dd/mm/yyyy (French order, never American), yyyy-mm-dd,
// Excel serial numbers (a date cell read as a number), a bare year (not enough for the register).

export type DateResult =
  | { ok: true; date: string; serial: boolean }
  | { ok: false; code: 'birth_date_format' | 'birth_date_incomplete' };

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function iso(y: number, m: number, d: number): string | null {
  if (y < 1000 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and its phantom 1900-02-29 is serial 60. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, days >= 60 ? 30 : 31);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

export function parseBirthDate(input: string): DateResult {
  const s = input
    .replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .trim()
    .replace(/[T\s]00:00(:00(\.0+)?)?Z?$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { ok: true, date, serial: false } : { ok: false, code: 'birth_date_format' };
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    const date = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    return date ? { ok: true, date, serial: false } : { ok: false, code: 'birth_date_format' };
  }
  if (/^(1[89]|20)\d{2}$/.test(s)) return { ok: false, code: 'birth_date_incomplete' };
  if (/^\d{1,2}[-/.](1[89]|20)\d{2}$/.test(s)) return { ok: false, code: 'birth_date_incomplete' };
  if (/^\d{4,5}(\.\d+)?$/.test(s)) {
    const date = excelSerialToIso(Number(s));
    if (date) return { ok: true, date, serial: true };
  }
  return { ok: false, code: 'birth_date_format' };
}
