/**
 * The National Identity of Handicraft number (NIA). Its official format is not published, so it is
 * a configurable template; every NIA ends with an ISO 7064 MOD 37,36 check character, which
 * catches every single mistyped character and every swap of two neighbours.
 *
 * Template tokens: {yy} or {yyyy} year of approval, {region} two digits of the chamber's region,
 * {seq:N} the national sequence zero-padded to N digits; the check character is appended.
 */
export const DEFAULT_NIA_FORMAT = '{yy}{region}{seq:7}';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = ALPHABET.length;

function mod3736(chars: string): number {
  let check = M / 2;
  for (const ch of chars) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not alphanumeric: ${ch}`);
    check = ((((check || M) * 2) % (M + 1)) + v) % M;
  }
  return check;
}

export function checkCharacter(body: string): string {
  const c = ALPHABET[(M + 1 - (((mod3736(body) || M) * 2) % (M + 1))) % M];
  if (c === undefined) throw new Error('unreachable');
  return c;
}

/** Normalises what someone typed (spaces, dashes, lower case) and checks the check character. */
export function parseNia(input: string): string | null {
  const s = input.replace(/[\s.-]/g, '').toUpperCase();
  if (!/^[0-9A-Z]{4,24}$/.test(s)) return null;
  return mod3736(s) === 1 ? s : null;
}

export function validateNiaFormat(format: string): void {
  const rest = format.replace(/\{yy\}|\{yyyy\}|\{region\}|\{seq:(\d{1,2})\}/g, '');
  if (!/^[0-9A-Z]*$/.test(rest)) throw new Error(`NIA_FORMAT has unknown tokens or characters: ${format}`);
  const seq = /\{seq:(\d{1,2})\}/.exec(format);
  if (!seq || Number(seq[1]) < 5) throw new Error('NIA_FORMAT needs {seq:N} with N ≥ 5');
}

export function formatNia(format: string, parts: { year: number; regionCode: string; seq: number }): string {
  const region = /^MA-(\d{2})$/.exec(parts.regionCode)?.[1];
  if (!region) throw new Error(`not a region code: ${parts.regionCode}`);
  const body = format
    .replace('{yyyy}', String(parts.year))
    .replace('{yy}', String(parts.year % 100).padStart(2, '0'))
    .replace('{region}', region)
    .replace(/\{seq:(\d{1,2})\}/, (_, n: string) => {
      const s = String(parts.seq);
      if (s.length > Number(n)) throw new Error('NIA sequence exhausted for this format');
      return s.padStart(Number(n), '0');
    });
  return body + checkCharacter(body);
}

/** For display and for the card: groups of four, e.g. 2606 0000 123K. */
export function displayNia(nia: string): string {
  return nia.replace(/(.{4})(?=.)/g, '$1 ');
}
