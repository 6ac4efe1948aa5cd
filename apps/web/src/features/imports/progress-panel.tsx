import type { ImportProgress } from '@hirfa/contracts';
import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { durationText } from './texts.ts';

/** A run at work: bar, rows done, rows per second and time left (computed by the server). */
export function ProgressPanel({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  const label = t(`imports:progress.${progress.phase}`);
  return (
    <Paper withBorder p="md" data-testid="import-progress" aria-live="polite">
      <Stack gap="xs">
        <Text fw={600}>{label}</Text>
        <Progress value={percent} size="lg" striped animated aria-label={label} data-testid="progress-bar" />
        <Group gap="lg">
          <Text size="sm" data-testid="progress-rows">
            {t('imports:progress.rows', {
              done: formatNumber(progress.done, locale),
              total: formatNumber(progress.total, locale),
            })}
          </Text>
          <Text size="sm" data-testid="progress-rate">
            {t('imports:progress.rate', { rate: formatNumber(Math.round(progress.rowsPerSecond), locale) })}
          </Text>
          <Text size="sm" data-testid="progress-eta">
            {progress.etaSeconds === null
              ? t('imports:progress.etaUnknown')
              : t('imports:progress.eta', { time: durationText(progress.etaSeconds) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
