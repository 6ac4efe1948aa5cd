import type { TFunction } from 'i18next';
import { i18n } from '../../i18n/i18n.ts';

/** The name of a field as the form shows it, for lists of what to fix ("" when it has none). */
export function fieldLabel(path: string, t: TFunction): string {
  if (path.startsWith('documents.')) return t(`registry.doc.${path.slice('documents.'.length)}`);
  const key = `registry.field.${path.split('.').slice(0, 2).join('.')}`;
  return i18n.exists(key) ? t(key) : '';
}

/** "Field — message", or the message alone when the field has no name on screen. */
export function fieldProblem(path: string, message: string, t: TFunction): string {
  const label = fieldLabel(path, t);
  return label ? `${label} — ${message}` : message;
}
