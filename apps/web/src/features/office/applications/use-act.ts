import type { ApplicationActionRequest, ApplicationDetail } from '@hirfa/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Intent } from '../../../components/registry/intent.ts';
import {
  actOnApplication,
  applicationKeys,
  storeApplication,
} from '../../../components/registry/registry.api.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { ApiError } from '../../../lib/api.ts';

export type ActBody = Omit<ApplicationActionRequest, 'idempotencyKey' | 'version'>;

/**
 * Takes one workflow step with the version on screen and a key per intention. A stale version is
 * reported, not retried: the agent reloads and decides again, with what they typed kept.
 */
export function useAct(detail: ApplicationDetail) {
  const client = useQueryClient();
  const locale = useLocale();
  const intent = useRef(new Intent());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async (body: ActBody): Promise<ApplicationDetail | null> => {
      setBusy(body.type);
      setError(null);
      const full = { ...body, version: detail.version };
      try {
        const next = await intent.current.run(full, (idempotencyKey) =>
          actOnApplication(detail.id, { ...full, idempotencyKey }),
        );
        storeApplication(client, locale, next);
        void client.invalidateQueries({ queryKey: applicationKeys.duplicates(detail.id) });
        return next;
      } catch (caught) {
        setError(caught);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [client, detail.id, detail.version, locale],
  );

  const reload = useCallback(async () => {
    await client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) });
    setError(null);
  }, [client, detail.id]);

  const stale = error instanceof ApiError && error.code === 'APPLICATION_STALE';
  return { run, busy, error, stale, reload, setError };
}
