import type { ApplicationSummary } from '@hirfa/contracts';
import { Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '../../components/registry/state-badge.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import classes from './my-files.module.css';

/** The artisan's files, newest first: each a card to touch, with its state in words and what comes next. */
export function MyFiles({ files }: { files: ApplicationSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="sm" data-testid="my-files">
      {files.map((file) => (
        <UnstyledButton
          key={file.id}
          component={Link}
          to={file.state === 'draft' ? `/portal/apply/${file.id}/identity` : `/portal/files/${file.id}`}
          className={classes.link}
          data-testid={`file-card-${file.fileNumber}`}
        >
          <Card withBorder padding="md" radius="md" className={classes.card}>
            <Group wrap="nowrap" align="center" gap="sm">
              <Stack gap={6} className={classes.body}>
                <Group gap="xs" justify="space-between">
                  <Text fw={600}>{t(`registry.kind.${file.kind}`)}</Text>
                  <StateBadge state={file.state} />
                </Group>
                <Text size="sm">{t(`portal.next.${file.state}`)}</Text>
                <Text size="xs" c="dimmed">
                  <span className="mono">{file.fileNumber}</span> ·{' '}
                  {t('portal.file.since', { date: formatDateTime(file.stateSince, locale, false) })}
                </Text>
              </Stack>
              <IconChevronRight size={20} aria-hidden="true" className="flip-rtl" />
            </Group>
          </Card>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
