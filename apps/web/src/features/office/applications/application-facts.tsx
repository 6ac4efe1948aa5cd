import type { ApplicationDetail, ApplicationStateName } from '@hirfa/contracts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChamberName, FactTable } from '../../../components/registry/registration-view.tsx';
import { STATES } from '../../../components/registry/registry.constants.ts';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useLocale } from '../../../i18n/use-locale.ts';

/** Where the file stands: chamber, who holds it, since when, and the days spent in each state. */
export function ApplicationFacts({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const durations = STATES.filter((s) => detail.durations[s] !== undefined).map(
    (state: ApplicationStateName) => ({
      label: t(`registry.state.${state}`),
      value: t('office.application.days', { n: formatNumber(detail.durations[state] ?? 0, locale) }),
      testId: `duration-${state}`,
    }),
  );
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="app-facts">
      <Stack gap="sm">
        <Title order={2} size="h4" id="app-facts">
          {t('office.application.facts')}
        </Title>
        <FactTable
          rows={[
            { label: t('office.application.chamber'), value: <ChamberName code={detail.chamberCode} /> },
            {
              label: t('office.application.assignee'),
              value: detail.assigneeName ? (
                <bdi>{detail.assigneeName}</bdi>
              ) : detail.assigneeId ? (
                t('office.queue.assigned')
              ) : (
                t('office.queue.unassigned')
              ),
              testId: 'app-assignee',
            },
            {
              label: t('office.application.submittedAt'),
              value: detail.submittedAt
                ? formatDateTime(detail.submittedAt, locale)
                : t('registry.common.notYet'),
            },
            {
              label: t('office.application.inStateSince'),
              value: `${formatDateTime(detail.stateSince, locale)} · ${t('office.application.days', {
                n: formatNumber(detail.daysInState, locale),
              })}`,
            },
          ]}
        />
        <Text size="sm" fw={600}>
          {t('office.application.durations')}
        </Text>
        <FactTable rows={durations} testId="durations" />
      </Stack>
    </Card>
  );
}
