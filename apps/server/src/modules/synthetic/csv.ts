// CSV output of synthetic records (RFC 4180: quoted when needed, CRLF-free, UTF-8).
import type { LegacyEntry } from './messy.ts';
import type { SyntheticPerson } from './people.ts';

/** Quotes a field when it holds a comma, quote, CR or LF; doubles inner quotes. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Register columns, in output order. List fields are joined with '|'. */
export const PERSON_COLUMNS = [
  'index',
  'cin',
  'firstNameLatn',
  'lastNameLatn',
  'firstNameAr',
  'lastNameAr',
  'gender',
  'birthDate',
  'phone',
  'email',
  'provinceCode',
  'regionCode',
  'postalCode',
  'addressFr',
  'addressAr',
  'primaryActivityCode',
  'secondaryActivityCodes',
  'kind',
  'organisationNameFr',
  'organisationNameAr',
  'yearsOfPractice',
] as const satisfies ReadonlyArray<keyof SyntheticPerson>;

export function personCsvLine(p: SyntheticPerson): string {
  return csvLine(
    PERSON_COLUMNS.map((c) => {
      const v = p[c];
      return Array.isArray(v) ? v.join('|') : (v as string | number | null);
    }),
  );
}

/** Columns of a chamber's legacy list (see messyVariant). */
export const LEGACY_COLUMNS = [
  'sourceIndex',
  'cin',
  'lastNameLatn',
  'firstNameLatn',
  'lastNameAr',
  'firstNameAr',
  'phone',
  'birthDate',
  'provinceCode',
  'activityCode',
] as const satisfies ReadonlyArray<keyof LegacyEntry>;

export function legacyCsvLine(e: LegacyEntry): string {
  return csvLine(LEGACY_COLUMNS.map((c) => e[c]));
}
