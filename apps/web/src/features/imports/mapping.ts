import type { ImportField, ImportMapping } from '@hirfa/contracts';

/** What a mapping still lacks to make an entry (the server checks the same). */
export function missingFields(mapping: ImportMapping): ImportField[] {
  const missing: ImportField[] = [];
  for (const f of ['cin', 'birthDate', 'gender', 'province', 'activity'] as const) {
    if (mapping[f] === undefined) missing.push(f);
  }
  if (
    mapping.fullNameAr === undefined &&
    (mapping.lastNameAr === undefined || mapping.firstNameAr === undefined)
  ) {
    missing.push(mapping.lastNameAr === undefined ? 'lastNameAr' : 'firstNameAr');
  }
  if (
    mapping.fullNameLatn === undefined &&
    (mapping.lastNameLatn === undefined || mapping.firstNameLatn === undefined)
  ) {
    missing.push(mapping.lastNameLatn === undefined ? 'lastNameLatn' : 'firstNameLatn');
  }
  return missing;
}

/** The field a column is mapped to, if any. */
export function fieldOfColumn(mapping: ImportMapping, index: number): ImportField | null {
  for (const [field, i] of Object.entries(mapping)) if (i === index) return field as ImportField;
  return null;
}

/** Maps a column to a field (or to nothing), freeing the field from any other column. */
export function assign(mapping: ImportMapping, index: number, field: ImportField | null): ImportMapping {
  const next: ImportMapping = {};
  for (const [f, i] of Object.entries(mapping) as [ImportField, number][]) {
    if (i !== index && f !== field) next[f] = i;
  }
  if (field) next[field] = index;
  return next;
}
