import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { CameraScreen } from './camera-screen.tsx';
import { checkQrText } from './check.ts';
import { HomeScreen } from './home-screen.tsx';
import { ManualScreen } from './manual-screen.tsx';
import { checkOnline } from './online-check.ts';
import type { CheckOutcome } from './outcome.ts';
import { PageHeader } from './page-header.tsx';
import { readQrFromImage } from './qr-reader.ts';
import type { Names, Readiness, Sources } from './sources.ts';
import { verdictTexts } from './verdict-texts.ts';
import { VerdictScreen } from './verdict-screen.tsx';

type Notice = 'photoNotFound' | 'photoUnreadable' | 'cameraDenied' | 'checkFailed';
type ManualError = { key: 'offline' | 'failed' } | { key: 'rateLimited'; seconds: number };
type Source = 'link' | 'camera' | 'photo' | 'manual';
interface Typed {
  serial: string;
  code: string;
}

type View =
  | { kind: 'home'; notice?: Notice }
  | { kind: 'camera' }
  | { kind: 'manual'; busy: boolean; error?: ManualError; typed?: Typed }
  | { kind: 'busy'; what: 'checking' | 'photo' }
  | { kind: 'result'; outcome: CheckOutcome; source: Source; text?: string; typed?: Typed };

/** Lists older than this are downloaded again for all chambers when the phone is online. */
const LISTS_REFRESH_MS = 30 * 60_000;

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

function useNames(sources: Sources, online: boolean): Names | null {
  const locale = useLocale();
  const [names, setNames] = useState<Names | null>(null);
  useEffect(() => {
    let live = true;
    // Coming back online is a chance to fetch the names in the reader's language.
    void sources.names(locale, online).then((n) => {
      if (live && n) setNames(n);
    });
    return () => {
      live = false;
    };
  }, [sources, locale, online]);
  return names;
}

const cameraAvailable = () => typeof navigator.mediaDevices?.getUserMedia === 'function';

export function VerifyApp({ sources }: { sources: Sources }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const online = useOnline();
  const names = useNames(sources, online);
  const [view, setView] = useState<View>(() =>
    window.location.hash.length > 1 ? { kind: 'busy', what: 'checking' } : { kind: 'home' },
  );
  const [readiness, setReadiness] = useState<Readiness>({});
  /** Each check gets a number; a slower, older check never overwrites a newer one. */
  const sequence = useRef(0);

  const refreshing = useRef<Promise<void> | undefined>(undefined);
  /** Saves every chamber's lists for later offline checks; one run at a time, after any check. */
  const refreshOfflineData = useCallback(() => {
    refreshing.current ??= (async () => {
      try {
        if (navigator.onLine !== false) {
          const saved = (await sources.readiness()).listsSavedAt;
          if (!saved || Date.now() - saved.getTime() > LISTS_REFRESH_MS) {
            const keys = await sources.keys();
            if (keys) await sources.refreshAllLists(keys);
          }
        }
        setReadiness(await sources.readiness());
      } catch {
        // Saving for later is best effort: the next visit online tries again.
      } finally {
        refreshing.current = undefined;
      }
    })();
    return refreshing.current;
  }, [sources]);

  const check = useCallback(
    async (text: string, source: Source) => {
      const seq = ++sequence.current;
      setView({ kind: 'busy', what: 'checking' });
      let outcome: CheckOutcome;
      try {
        outcome = await checkQrText(text, sources);
      } catch {
        // A fault of this page or phone (storage, a bug), never a verdict on the card.
        if (seq === sequence.current) setView({ kind: 'home', notice: 'checkFailed' });
        return;
      }
      if (seq !== sequence.current) return;
      setView({ kind: 'result', outcome, source, text });
      void refreshOfflineData();
    },
    [sources, refreshOfflineData],
  );

  // (a) Opened from a card's QR: check the fragment at once. A phone camera app opening another
  // card's URL in the same tab changes only the fragment, hence `hashchange`.
  useEffect(() => {
    const fromHash = () => {
      if (window.location.hash.length > 1) void check(window.location.hash, 'link');
    };
    if (window.location.hash.length > 1) fromHash();
    else void refreshOfflineData();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [check, refreshOfflineData]);

  // Back online after being offline: bring the saved lists up to date.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) void refreshOfflineData();
    wasOnline.current = online;
  }, [online, refreshOfflineData]);

  const goHome = (notice?: Notice) => {
    sequence.current++;
    if (window.location.hash) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    setView(notice ? { kind: 'home', notice } : { kind: 'home' });
  };

  const onPhoto = async (file: File) => {
    const seq = ++sequence.current;
    setView({ kind: 'busy', what: 'photo' });
    let text: string | null;
    try {
      text = await readQrFromImage(file);
    } catch {
      if (seq === sequence.current) setView({ kind: 'home', notice: 'photoUnreadable' });
      return;
    }
    if (seq !== sequence.current) return;
    if (text) await check(text, 'photo');
    else setView({ kind: 'home', notice: 'photoNotFound' });
  };

  const onManual = async (serial: string, code: string) => {
    const seq = ++sequence.current;
    setView({ kind: 'manual', busy: true });
    const answer = await checkOnline(serial, code, locale);
    if (seq !== sequence.current) return;
    if (answer.ok)
      setView({ kind: 'result', outcome: answer.outcome, source: 'manual', typed: { serial, code } });
    else if (answer.error === 'rate_limited')
      setView({
        kind: 'manual',
        busy: false,
        error: { key: 'rateLimited', seconds: answer.retryAfterSeconds ?? 60 },
      });
    else setView({ kind: 'manual', busy: false, error: { key: answer.error } });
  };

  let content: ReactNode;
  let announcement = '';
  switch (view.kind) {
    case 'home':
      content = (
        <HomeScreen
          readiness={readiness}
          online={online}
          cameraAvailable={cameraAvailable()}
          {...(view.notice ? { notice: t(`verify:notice.${view.notice}`) } : {})}
          onCamera={() => setView({ kind: 'camera' })}
          onPhoto={(file) => void onPhoto(file)}
          onManual={() => setView({ kind: 'manual', busy: false })}
        />
      );
      break;
    case 'camera':
      content = (
        <CameraScreen
          onText={(text) => void check(text, 'camera')}
          onUnavailable={() => goHome('cameraDenied')}
          onCancel={() => goHome()}
        />
      );
      break;
    case 'manual': {
      const error = view.error;
      content = (
        <ManualScreen
          busy={view.busy}
          {...(view.typed ? { initial: view.typed } : {})}
          {...(error
            ? {
                error:
                  error.key === 'rateLimited'
                    ? t('verify:manual.rateLimited', { seconds: error.seconds })
                    : t(`verify:manual.${error.key}`),
              }
            : {})}
          onSubmit={(serial, code) => void onManual(serial, code)}
          onBack={() => goHome()}
        />
      );
      break;
    }
    case 'busy':
      announcement = view.what === 'photo' ? t('verify:photo.reading') : t('verify:checking.label');
      content = (
        <div className="v-busy" data-testid="busy">
          <span className="v-spinner" aria-hidden="true" />
          <p>{announcement}</p>
        </div>
      );
      break;
    case 'result': {
      const { outcome, source, text, typed } = view;
      const texts = verdictTexts(outcome, t, locale);
      announcement = [texts.kicker, texts.title, texts.reason].filter(Boolean).join('. ');
      const retry =
        text !== undefined &&
        (outcome.outcome === 'valid_unchecked' ||
          outcome.outcome === 'no_keys' ||
          (outcome.outcome === 'unknown_key' && !outcome.keysFresh));
      content = (
        <VerdictScreen
          key={sequence.current}
          outcome={outcome}
          names={names}
          {...(retry && text !== undefined ? { onCheckAgain: () => void check(text, source) } : {})}
          {...(typed && outcome.outcome === 'not_found'
            ? { onEditTyped: () => setView({ kind: 'manual', busy: false, typed }) }
            : {})}
          onScanAnother={() => {
            if (source === 'camera' && cameraAvailable()) {
              goHome();
              setView({ kind: 'camera' });
            } else goHome();
          }}
        />
      );
      break;
    }
  }

  return (
    <>
      <PageHeader />
      <main className="v-main" id="main">
        {content}
      </main>
      <div className="v-visually-hidden" role="status" data-testid="announcer">
        {announcement}
      </div>
    </>
  );
}
