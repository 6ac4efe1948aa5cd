import { IconArrowBack, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ManualScreenProps {
  busy: boolean;
  /** What was typed before (back from "no such card" to correct it). */
  initial?: { serial: string; code: string };
  /** Translated error of the last attempt (offline, rate-limited…); the fields keep what was typed. */
  error?: string;
  onSubmit: (serial: string, code: string) => void;
  onBack: () => void;
}

/** Serial and verification code typed by hand, for a QR that cannot be read. Needs the network. */
export function ManualScreen({ busy, initial, error, onSubmit, onBack }: ManualScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const [serial, setSerial] = useState(initial?.serial ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!serial.trim() || !code.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmit(serial, code);
  };
  const message = missing ? t('verify:manual.required') : error;
  return (
    <>
      <h1 className="v-title" tabIndex={-1}>
        {t('verify:manual.title')}
      </h1>
      <p className="v-intro">{t('verify:manual.intro')}</p>
      <form className="v-form" onSubmit={submit} noValidate data-testid="manual-form">
        <div className="v-field">
          <label htmlFor={`${id}-serial`}>{t('verify:manual.serial')}</label>
          <input
            id={`${id}-serial`}
            data-testid="manual-serial"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            maxLength={40}
            value={serial}
            aria-invalid={missing && !serial.trim()}
            onChange={(e) => setSerial(e.target.value)}
          />
        </div>
        <div className="v-field">
          <label htmlFor={`${id}-code`}>{t('verify:manual.code')}</label>
          <input
            id={`${id}-code`}
            data-testid="manual-code"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            maxLength={20}
            value={code}
            aria-describedby={`${id}-code-hint`}
            aria-invalid={missing && !code.trim()}
            onChange={(e) => setCode(e.target.value)}
          />
          <p id={`${id}-code-hint`} className="v-hint">
            {t('verify:manual.codeHint')}
          </p>
        </div>
        {message && (
          <p className="v-notice" role="alert" data-testid="manual-error">
            {message}
          </p>
        )}
        <div className="v-actions">
          <button type="submit" className="v-btn v-btn-primary" data-testid="manual-submit" disabled={busy}>
            <IconSearch size={26} aria-hidden="true" />
            <span>{busy ? t('verify:checking.label') : t('verify:manual.submit')}</span>
          </button>
          <button type="button" className="v-btn" onClick={onBack} data-testid="manual-back">
            <IconArrowBack size={26} aria-hidden="true" className="v-flip-rtl" />
            <span>{t('verify:manual.back')}</span>
          </button>
        </div>
      </form>
    </>
  );
}
