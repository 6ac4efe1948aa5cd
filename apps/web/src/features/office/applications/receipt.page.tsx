import { LOCALE_DIR } from '@hirfa/contracts/constants';
import type { ApplicationDetail, Locale } from '@hirfa/contracts';
import { Button, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconFilePlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../../components/page-title.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { FactTable } from '../../../components/registry/registration-view.tsx';
import {
  useActivityIndex,
  useChamberIndex,
  useProvinceOptions,
} from '../../../components/registry/reference-labels.ts';
import { useApplication } from '../../../components/registry/registry.api.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { LANGUAGE_AUTONYMS } from '../../../i18n/languages.ts';
import classes from './receipt.module.css';

export function ReceiptPage() {
  const { id = '' } = useParams();
  const query = useApplication(id);
  return <QueryState query={query}>{(detail) => <Receipt detail={detail} />}</QueryState>;
}

const RECEIPT_LANGUAGES: readonly Locale[] = ['ar', 'fr'];

/** The receipt page: the buttons around it, and the sheet printed in the artisan's language. */
function Receipt({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  usePageTitle(t('office.receipt.title', { number: detail.fileNumber }));
  // Arabic first; the agent switches to French when the artisan prefers it. Only the sheet
  // changes language: the back office around it stays in the agent's.
  const [lang, setLang] = useState<Locale>('ar');

  return (
    <Stack gap="md" className={classes.page}>
      <Group className={classes.noPrint} gap="sm">
        <Button
          leftSection={<IconPrinter size={18} aria-hidden="true" />}
          onClick={() => window.print()}
          data-testid="receipt-print"
        >
          {t('office.receipt.print')}
        </Button>
        <SegmentedControl
          data-testid="receipt-lang"
          aria-label={t('office.receipt.language')}
          value={lang}
          onChange={(value) => setLang(RECEIPT_LANGUAGES.find((l) => l === value) ?? 'ar')}
          data={RECEIPT_LANGUAGES.map((value) => ({
            value,
            label: (
              <span lang={value} data-testid={`receipt-lang-${value}`}>
                {LANGUAGE_AUTONYMS[value].name}
              </span>
            ),
          }))}
        />
        <Button component={Link} to={`/office/applications/${detail.id}`} variant="default">
          {t('office.receipt.open')}
        </Button>
        <Button
          component={Link}
          to="/office/applications/new"
          variant="subtle"
          leftSection={<IconFilePlus size={18} aria-hidden="true" />}
          data-testid="receipt-next"
        >
          {t('office.receipt.another')}
        </Button>
      </Group>
      <Sheet detail={detail} lang={lang} />
    </Stack>
  );
}

interface Named {
  nameAr: string;
  nameFr: string;
}

/** A name in the sheet's language first, the other script beside it. */
function Both({ item, lang }: { item: Named | undefined; lang: Locale }) {
  if (!item) return <span>—</span>;
  const [first, second] = lang === 'ar' ? [item.nameAr, item.nameFr] : [item.nameFr, item.nameAr];
  return (
    <span>
      <bdi>{first}</bdi>
      {second && second !== first ? (
        <>
          {' · '}
          <bdi lang={lang === 'ar' ? 'fr' : 'ar'}>{second}</bdi>
        </>
      ) : null}
    </span>
  );
}

/**
 * The paper the artisan takes home: file number, date, chamber, what was handed in, what comes
 * next — in the language chosen for the sheet, whatever the agent's screen is in.
 */
function Sheet({ detail, lang }: { detail: ApplicationDetail; lang: Locale }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(lang);
  const chambers = useChamberIndex();
  const activities = useActivityIndex();
  const provinces = useProvinceOptions();
  const filedBy = detail.history.find((h) => h.type === 'create')?.actorName;
  const sentAt = [...detail.history].reverse().find((h) => h.type === 'submit' || h.type === 'resubmit')?.at;
  const p = detail.payload.person;
  const activity = activities.byCode.get(detail.payload.activities.primary ?? '');

  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      className={classes.sheet}
      data-testid="receipt"
      lang={lang}
      dir={LOCALE_DIR[lang]}
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Text fw={700} c="clay.8">
            {t('common.brand.name')} · <Both item={chambers.byCode.get(detail.chamberCode)} lang={lang} />
          </Text>
          <Title order={1} size="h2">
            {t('office.receipt.heading')}
          </Title>
        </Stack>
        <Stack gap={2}>
          <Text size="sm">{t('office.receipt.fileNumber')}</Text>
          <Text className="mono" fz={30} fw={700} data-testid="receipt-number">
            {detail.fileNumber}
          </Text>
          <Text size="sm">
            {t('office.receipt.date', { date: formatDateTime(sentAt ?? detail.stateSince, lang) })}
          </Text>
        </Stack>
        <FactTable
          rows={[
            {
              label: t('office.receipt.applicant'),
              value: <Both item={{ nameAr: detail.nameAr, nameFr: detail.nameLatn }} lang={lang} />,
            },
            { label: t('registry.field.person.cin'), value: <span className="mono">{p.cin ?? '—'}</span> },
            { label: t('office.receipt.kind'), value: t(`registry.kind.${detail.kind}`) },
            {
              label: t('registry.field.activities.primary'),
              value: (
                <span>
                  <Both item={activity} lang={lang} /> <span className="mono">{activity?.code}</span>
                </span>
              ),
            },
            {
              label: t('registry.field.workshop.provinceCode'),
              value: (
                <Both item={provinces.byCode.get(detail.payload.workshop.provinceCode ?? '')} lang={lang} />
              ),
            },
            { label: t('office.receipt.state'), value: t(`registry.state.${detail.state}`) },
          ]}
        />
        <Stack gap={4}>
          <Text fw={600}>{t('office.receipt.documents')}</Text>
          {detail.documents.length === 0 ? (
            <Text size="sm">{t('office.receipt.noDocuments')}</Text>
          ) : (
            <List size="sm" spacing={2}>
              {detail.documents.map((doc) => (
                <List.Item key={doc.id}>{t(`registry.doc.${doc.type}`)}</List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>{t('office.receipt.nextTitle')}</Text>
          <Text size="sm">{t('office.receipt.next')}</Text>
          <Text size="sm">{t('office.receipt.keep')}</Text>
        </Stack>
        {filedBy ? (
          <Text size="xs" c="dimmed">
            {t('office.receipt.filedBy', { name: filedBy })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
