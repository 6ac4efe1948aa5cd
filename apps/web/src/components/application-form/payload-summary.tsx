import type { ApplicationDetail, ApplicationPayload } from '@hirfa/contracts';
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ActivityName, FactTable, ProvinceName } from '../registry/registration-view.tsx';
import type { SectionId } from './payload.ts';

/** The answers of one section, as a table (review screen, receipt, back office). */
export function SectionSummary({
  section,
  payload,
  detail,
}: {
  section: SectionId;
  payload: ApplicationPayload;
  detail: ApplicationDetail;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = payload.person;
  const o = payload.organisation ?? {};
  const none = t('registry.common.notGiven');
  const text = (value: string | undefined, dir: 'ltr' | 'rtl' | 'auto' = 'auto', lang?: string): ReactNode =>
    value ? (
      <bdi dir={dir} lang={lang}>
        {value}
      </bdi>
    ) : (
      <span>{none}</span>
    );
  const row = (path: string, value: ReactNode) => ({
    label: t(`registry.field.${path}`),
    value,
    testId: `summary-${path}`,
  });

  const rows: { label: string; value: ReactNode; testId?: string }[] = (() => {
    switch (section) {
      case 'workshop':
        return [
          row('workshop.provinceCode', <ProvinceName code={payload.workshop.provinceCode} />),
          row('workshop.addressAr', text(payload.workshop.addressAr, 'rtl', 'ar')),
          row('workshop.addressFr', text(payload.workshop.addressFr, 'ltr', 'fr')),
        ];
      case 'identity':
        return [
          row('person.cin', text(p.cin, 'ltr')),
          row('person.firstNameAr', text(p.firstNameAr, 'rtl', 'ar')),
          row('person.lastNameAr', text(p.lastNameAr, 'rtl', 'ar')),
          row('person.firstNameLatn', text(p.firstNameLatn, 'ltr')),
          row('person.lastNameLatn', text(p.lastNameLatn, 'ltr')),
          row(
            'person.birthDate',
            p.birthDate ? formatDateTime(`${p.birthDate}T12:00:00Z`, locale, false) : none,
          ),
          row('person.gender', p.gender ? t(`registry.gender.${p.gender}`) : none),
        ];
      case 'contact':
        return [
          row('person.phone', text(p.phone, 'ltr')),
          row('person.email', text(p.email, 'ltr')),
          row('person.addressAr', text(p.addressAr, 'rtl', 'ar')),
          row('person.addressFr', text(p.addressFr, 'ltr', 'fr')),
          row('person.provinceCode', p.provinceCode ? <ProvinceName code={p.provinceCode} /> : none),
          row('person.postalCode', text(p.postalCode, 'ltr')),
        ];
      case 'activity':
        return [
          row(
            'activities.primary',
            payload.activities.primary ? <ActivityName code={payload.activities.primary} /> : none,
          ),
          row(
            'activities.secondary',
            payload.activities.secondary.length > 0 ? (
              <Stack gap={2}>
                {payload.activities.secondary.map((code) => (
                  <ActivityName key={code} code={code} />
                ))}
              </Stack>
            ) : (
              none
            ),
          ),
        ];
      case 'qualification':
        return [
          row(
            'qualification.basis',
            payload.qualification.basis ? t(`registry.basis.${payload.qualification.basis}`) : none,
          ),
          row(
            'qualification.yearsOfPractice',
            payload.qualification.yearsOfPractice !== undefined
              ? formatNumber(payload.qualification.yearsOfPractice, locale)
              : none,
          ),
        ];
      case 'organisation':
        return [
          row('organisation.nameAr', text(o.nameAr, 'rtl', 'ar')),
          row('organisation.nameFr', text(o.nameFr, 'ltr', 'fr')),
          ...(detail.kind === 'cooperative'
            ? [row('organisation.coopRegisterNumber', text(o.coopRegisterNumber, 'ltr'))]
            : []),
          row('organisation.ice', text(o.ice, 'ltr')),
          ...(detail.kind === 'enterprise'
            ? [
                row('organisation.rcCourt', text(o.rcCourt)),
                row('organisation.rcNumber', text(o.rcNumber, 'ltr')),
                row('organisation.supervisingNia', text(o.supervisingNia, 'ltr')),
              ]
            : []),
        ];
      case 'documents':
        return detail.requiredDocuments.map((type) => {
          const doc = detail.documents.find((d) => d.type === type);
          return {
            label: t(`registry.doc.${type}`),
            value: doc ? t('registry.documents.received') : t('registry.documents.missing'),
            testId: `summary-documents.${type}`,
          };
        });
    }
  })();

  return <FactTable rows={rows} testId={`summary-${section}`} />;
}
