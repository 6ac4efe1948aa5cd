import { IconPencil, IconRefresh, IconScan } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { About } from './about.tsx';
import { CardDetails } from './card-details.tsx';
import { OutcomeIcon } from './icons.tsx';
import { type CheckOutcome, TONE } from './outcome.ts';
import type { Names } from './sources.ts';
import { statusText, verdictTexts } from './verdict-texts.ts';

export interface VerdictScreenProps {
  outcome: CheckOutcome;
  names: Names | null;
  /** Offered when a new attempt may give another answer (network back, better keys or lists). */
  onCheckAgain?: () => void;
  /** Back to the typed serial and code, to correct them. */
  onEditTyped?: () => void;
  onScanAnother: () => void;
}

export function VerdictScreen({
  outcome,
  names,
  onCheckAgain,
  onEditTyped,
  onScanAnother,
}: VerdictScreenProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const texts = verdictTexts(outcome, t, locale);
  const tone = TONE[outcome.outcome];
  const status = outcome.status ? statusText(outcome.status, t, locale) : [];

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, []);

  return (
    <>
      <section
        className={`v-verdict v-tone-${tone}`}
        data-testid="verdict"
        data-verdict={outcome.outcome}
        data-reason={outcome.reason}
        aria-labelledby="v-verdict-title"
      >
        <div className="v-verdict-band">
          <span className="v-verdict-icon">
            <OutcomeIcon outcome={outcome.outcome} size={44} />
          </span>
          <div>
            {texts.kicker && <p className="v-kicker">{texts.kicker}</p>}
            <h1 id="v-verdict-title" ref={heading} tabIndex={-1} data-testid="verdict-title">
              {texts.title}
            </h1>
          </div>
        </div>
        <p className="v-reason" data-testid="verdict-reason">
          {texts.reason}
        </p>
        {status.length > 0 && (
          <div className="v-status" data-testid="verdict-status" data-status={outcome.status?.kind}>
            {status.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </section>
      {outcome.card && <CardDetails card={outcome.card} names={names} notValid={tone === 'bad'} />}
      <div className="v-actions">
        {onEditTyped && (
          <button
            type="button"
            className="v-btn v-btn-primary"
            data-testid="edit-typed"
            onClick={onEditTyped}
          >
            <IconPencil size={26} aria-hidden="true" />
            <span>{t('verify:actions.editTyped')}</span>
          </button>
        )}
        <button
          type="button"
          className={onEditTyped ? 'v-btn' : 'v-btn v-btn-primary'}
          data-testid="scan-another"
          onClick={onScanAnother}
        >
          <IconScan size={26} aria-hidden="true" />
          <span>{t('verify:actions.scanAnother')}</span>
        </button>
        {onCheckAgain && (
          <button type="button" className="v-btn" data-testid="check-again" onClick={onCheckAgain}>
            <IconRefresh size={26} aria-hidden="true" />
            <span>{t('verify:actions.checkAgain')}</span>
          </button>
        )}
      </div>
      <About />
    </>
  );
}
