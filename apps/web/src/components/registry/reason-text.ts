import type { TFunction } from 'i18next';
import { RADIATION_REASONS } from './registry.constants.ts';

/**
 * A lifecycle reason as stored: a radiation reason code (with the note after a colon), or the
 * agent's own words, shown as written.
 */
export function reasonText(reason: string | null | undefined, t: TFunction): string {
  if (!reason) return '';
  const match = /^([a-z_]+)(?::\s*([\s\S]*))?$/.exec(reason);
  const code = RADIATION_REASONS.find((r) => r === match?.[1]);
  if (!code) return reason;
  const label = t(`registry.radiation.${code}`);
  return match?.[2] ? `${label} — ${match[2]}` : label;
}
