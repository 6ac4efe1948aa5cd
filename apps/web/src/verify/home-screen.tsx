import {
  IconCamera,
  IconCloudOff,
  IconDeviceMobileCheck,
  IconKeyboard,
  IconPhoto,
} from '@tabler/icons-react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { About } from './about.tsx';
import { formatInstant } from './locale.ts';
import type { Readiness } from './sources.ts';

export interface HomeScreenProps {
  readiness: Readiness;
  online: boolean;
  cameraAvailable: boolean;
  /** Translated message about the last attempt (photo without QR, camera refused…). */
  notice?: string;
  onCamera: () => void;
  onPhoto: (file: File) => void;
  onManual: () => void;
}

/** How ready this phone is to check cards with no network. */
function OfflineReadiness({ readiness, online }: { readiness: Readiness; online: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ready = readiness.keysSavedAt && readiness.listsSavedAt;
  return (
    <div className="v-readiness" data-testid="offline-readiness" data-ready={ready ? 'yes' : 'no'}>
      {!online && (
        <p className="v-line">
          <IconCloudOff size={22} aria-hidden="true" />
          <span>{t('verify:home.offline')}</span>
        </p>
      )}
      <p className="v-line">
        <IconDeviceMobileCheck size={22} aria-hidden="true" />
        <span>
          {ready && readiness.listsSavedAt
            ? t('verify:home.ready', { date: formatInstant(readiness.listsSavedAt, locale) })
            : t('verify:home.notReady')}
        </span>
      </p>
    </div>
  );
}

export function HomeScreen(props: HomeScreenProps) {
  const { t } = useTranslation();
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) props.onPhoto(file);
  };
  return (
    <>
      <h1 className="v-title" tabIndex={-1}>
        {t('verify:app.title')}
      </h1>
      <p className="v-intro">{t('verify:home.intro')}</p>
      {props.notice && (
        <p className="v-notice" role="alert" data-testid="home-notice">
          {props.notice}
        </p>
      )}
      <div className="v-actions">
        {props.cameraAvailable && (
          <button
            type="button"
            className="v-btn v-btn-primary"
            data-testid="scan-camera"
            onClick={props.onCamera}
          >
            <IconCamera size={26} aria-hidden="true" />
            <span>{t('verify:home.scan')}</span>
          </button>
        )}
        <label className={`v-btn ${props.cameraAvailable ? '' : 'v-btn-primary'}`}>
          <IconPhoto size={26} aria-hidden="true" />
          <span>{t('verify:home.photo')}</span>
          <input
            type="file"
            accept="image/*"
            className="v-visually-hidden"
            data-testid="scan-photo"
            onChange={onFile}
          />
        </label>
        <button type="button" className="v-btn" data-testid="type-code" onClick={props.onManual}>
          <IconKeyboard size={26} aria-hidden="true" />
          <span>{t('verify:home.type')}</span>
        </button>
      </div>
      <OfflineReadiness readiness={props.readiness} online={props.online} />
      <About />
    </>
  );
}
