import type { Registration } from '@hirfa/contracts';
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../components/registry/reason-text.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';

/** The entry's history for its holder: one line per event, newest first. */
export function EntryHistoryList({ history }: { history: Registration['history'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <List spacing="xs" size="sm" data-testid="entry-history">
      {[...history].reverse().map((v) => (
        <List.Item key={v.version}>
          <Text size="sm" component="span" fw={600}>
            {t(`registry.lifecycle.${v.action}`, { defaultValue: v.action })}
          </Text>{' '}
          · <time dateTime={v.at}>{formatDateTime(v.at, locale, false)}</time>
          {v.reason ? (
            <Text size="sm" c="dimmed" dir="auto">
              {reasonText(v.reason, t)}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}
