import type { Locale } from '@hirfa/contracts/constants';
import { IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { formatDay } from './locale.ts';
import type { CardView } from './outcome.ts';
import type { NameEntry, Names } from './sources.ts';

/** A reference name in the reader's language: saved names, else the server's, else Arabic/French. */
function referenceName(
  entry: NameEntry | undefined,
  names: Names | null,
  fromServer: string | undefined,
  locale: Locale,
): string | undefined {
  if (entry && names?.locale === locale) return entry.name;
  if (fromServer) return fromServer;
  if (entry) return locale === 'ar' ? entry.nameAr : entry.nameFr;
  return undefined;
}

function PersonName({
  text,
  shortened,
  script,
}: {
  text: string;
  shortened: boolean;
  script: 'ar' | 'latn';
}) {
  const { t } = useTranslation();
  return (
    <dd>
      <span
        className="v-person"
        {...(script === 'ar' ? { lang: 'ar', dir: 'rtl' } : { dir: 'ltr' })}
        data-testid={script === 'ar' ? 'card-name-ar' : 'card-name-latn'}
      >
        {shortened ? `${text}…` : text}
      </span>
      {shortened && (
        <span className="v-hint" data-testid="name-shortened">
          {t('verify:card.shortened')}
        </span>
      )}
    </dd>
  );
}

/** The minimum the public page shows (Law 09-08): never CIN, birth date, address or phone. */
export function CardDetails({
  card,
  names,
  notValid,
}: {
  card: CardView;
  names: Names | null;
  notValid: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const activity = referenceName(names?.activities[card.activityCode], names, card.activityName, locale);
  const chamber = referenceName(names?.chambers[card.chamberCode], names, card.chamberName, locale);
  const arabic = (
    <div key="ar">
      <dt>{t('verify:card.nameAr')}</dt>
      <PersonName text={card.nameAr} shortened={card.shortenedAr} script="ar" />
    </div>
  );
  const latin = (
    <div key="latn">
      <dt>{t('verify:card.nameLatn')}</dt>
      <PersonName text={card.nameLatn} shortened={card.shortenedLatn} script="latn" />
    </div>
  );
  return (
    <section
      className={notValid ? 'v-card v-card-void' : 'v-card'}
      aria-labelledby="v-card-heading"
      data-testid="card-details"
    >
      {/* Below a red verdict, the card's own dates must not read as "valid": say it again. */}
      <h2 id="v-card-heading">{notValid ? t('verify:card.headingVoid') : t('verify:card.heading')}</h2>
      <dl>
        {/* The reader's script first, the other beside it. */}
        {locale === 'ar' ? [arabic, latin] : [latin, arabic]}
        <div>
          <dt>{t('verify:card.kind')}</dt>
          <dd data-testid="card-kind">{t(`verify:kind.${card.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('verify:card.activity')}</dt>
          <dd data-testid="card-activity">
            {activity ?? t('verify:card.unknownCode', { code: card.activityCode })}
          </dd>
        </div>
        <div>
          <dt>{t('verify:card.chamber')}</dt>
          <dd data-testid="card-chamber">
            {chamber ?? t('verify:card.unknownCode', { code: card.chamberCode })}
          </dd>
        </div>
        <div>
          <dt>{t('verify:card.validity')}</dt>
          <dd data-testid="card-validity">
            {t('verify:card.validityRange', {
              from: formatDay(card.validFrom, locale),
              until: formatDay(card.validUntil, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('verify:card.serial')}</dt>
          <dd>
            <bdi className="v-mono" data-testid="card-serial">
              {card.serial}
            </bdi>
          </dd>
        </div>
      </dl>
      <p className="v-line v-compare">
        <IconId size={22} aria-hidden="true" />
        <span>{t('verify:card.compare')}</span>
      </p>
    </section>
  );
}
