import type { ImportReason, ImportRowStatus, ImportStatus, Locale } from '@hirfa/contracts';
import { LOCALE_TAG } from '@hirfa/contracts/constants';
import type { TFunction } from 'i18next';

export const STATUS_COLOR: Record<ImportStatus, string> = {
  uploaded: 'gray',
  mapped: 'blue',
  dry_run_done: 'cyan',
  signed_off: 'violet',
  loading: 'orange',
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export const ROW_STATUS_COLOR: Record<ImportRowStatus, string> = {
  valid: 'green',
  invalid: 'red',
  duplicate: 'orange',
  loaded: 'teal',
  rejected: 'red',
  skipped: 'gray',
};

/** A row's reason (or note) in words, with the field's name in the reader's language. */
export function reasonText(t: TFunction, r: ImportReason, kind: 'reasons' | 'notes' = 'reasons'): string {
  const field = r.field ? t(`imports:fields.${r.field}`) : '';
  return t(`imports:${kind}.${r.code}`, { field, value: r.value ?? '', row: r.row ?? '' });
}

/** "1.5 MB", "1,5 Mo", "1.5 ميغابايت": the size in the reader's language. */
export function sizeText(bytes: number, locale: Locale): string {
  const mega = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(LOCALE_TAG[locale], {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(mega ? bytes / 1024 / 1024 : Math.max(1, bytes / 1024));
}

export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
