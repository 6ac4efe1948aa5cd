import type { ApplicationDetail, ApplicationPayload } from '@hirfa/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { problemErrors, ruleErrors, setIn } from './payload.ts';
import { Intent } from '../registry/intent.ts';
import { saveApplication, storeApplication } from '../registry/registry.api.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ApiError, api } from '../../lib/api.ts';

interface Backup {
  version: number;
  payload: ApplicationPayload;
}

// What was typed and not yet saved survives a reload or a crash of the browser tab.
const backupKey = (id: string) => `hirfa.draft.${id}`;

function readBackup(id: string): Backup | null {
  try {
    const text = window.sessionStorage.getItem(backupKey(id));
    return text ? (JSON.parse(text) as Backup) : null;
  } catch {
    return null;
  }
}

function writeBackup(id: string, backup: Backup | null): void {
  try {
    if (backup) window.sessionStorage.setItem(backupKey(id), JSON.stringify(backup));
    else window.sessionStorage.removeItem(backupKey(id));
  } catch {
    // Storage full or refused: the form still holds the answers in memory.
  }
}

/**
 * The application being filled in: the answers held locally, saved with the version last seen.
 * A save that finds the file changed elsewhere (409 stale) takes the new version and keeps what
 * the user typed, so they can save it again knowingly.
 */
export function useDraft(detail: ApplicationDetail) {
  const client = useQueryClient();
  const locale = useLocale();
  const id = detail.id;
  const [initial] = useState(() => {
    const backup = readBackup(id);
    return backup ? { payload: backup.payload, version: backup.version, restored: true } : null;
  });
  const [payload, setPayload] = useState<ApplicationPayload>(initial?.payload ?? detail.payload);
  const [version, setVersion] = useState(detail.version);
  const [dirty, setDirty] = useState(initial?.restored ?? false);
  const [stale, setStale] = useState(initial !== null && initial.version !== detail.version);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const intent = useRef(new Intent());

  // The file moved on without us (an upload, the chamber's request): keep the newest version.
  useEffect(() => {
    if (!dirty) setVersion(detail.version);
  }, [detail.version, dirty]);

  useEffect(() => {
    writeBackup(id, dirty ? { version, payload } : null);
  }, [id, dirty, version, payload]);

  const change = useCallback((path: string, value: unknown) => {
    setPayload((current) => setIn(current, path, value));
    setDirty(true);
    setTouched((current) => new Set(current).add(path));
  }, []);

  /** Saves if anything changed; resolves to the saved file, or null when the save failed. */
  const save = useCallback(async (): Promise<ApplicationDetail | null> => {
    if (!dirty) return detail;
    setSaving(true);
    setError(null);
    try {
      const body = { version, payload };
      const saved = await intent.current.run(body, (idempotencyKey) =>
        saveApplication(id, { ...body, idempotencyKey }),
      );
      storeApplication(client, locale, saved);
      setVersion(saved.version);
      setDirty(false);
      setStale(false);
      setTouched(new Set());
      writeBackup(id, null);
      return saved;
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'APPLICATION_STALE') {
        try {
          const fresh = await api<ApplicationDetail>(`/api/v1/applications/${id}`);
          storeApplication(client, locale, fresh);
          setVersion(fresh.version);
          setStale(true);
        } catch {
          // The error shown already says to reload.
        }
      }
      return null;
    } finally {
      setSaving(false);
    }
  }, [client, detail, dirty, id, locale, payload, version]);

  /** Messages to show beside the fields: the server's, except on fields changed since. */
  const errorsFor = useCallback(
    (withRules: boolean, latest: ApplicationDetail, extra: unknown = null) => {
      const all = {
        ...(withRules ? ruleErrors(latest) : {}),
        ...problemErrors(extra),
        ...problemErrors(error),
      };
      for (const path of touched) delete all[path];
      return all;
    },
    [error, touched],
  );

  return { payload, version, dirty, stale, saving, error, change, save, errorsFor, setError };
}

export type Draft = ReturnType<typeof useDraft>;
