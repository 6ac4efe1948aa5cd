import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../lib/api.ts';

/** A sentence for the user: the server's translated title, or ours when the network failed. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError)
    return error.problem.detail ? `${error.problem.title} — ${error.problem.detail}` : error.problem.title;
  if (error instanceof NetworkError) return t('common.error.network');
  return t('common.error.unexpected');
}
