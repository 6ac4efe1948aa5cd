import type { Registration } from '@hirfa/contracts';
import { Stack, Table, Text } from '@mantine/core';
import { IconArrowNarrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { TableScroll } from '../table-scroll.tsx';
import { reasonText } from './reason-text.ts';
import { ActivityName, ChamberName, ProvinceName } from './registration-view.tsx';

type Version = Registration['history'][number];

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'to' in value;
}

/** One value of a change, shown the way the field is shown elsewhere. */
function Value({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return <span>—</span>;
  if (Array.isArray(value))
    return (
      <>
        {value.map((v) => (
          <Value key={String(v)} field={field} value={v} />
        ))}
      </>
    );
  const text = String(value);
  switch (field) {
    case 'status':
      return <span>{t(`registry.status.${text}`, { defaultValue: text })}</span>;
    case 'statusReason':
      return <bdi>{reasonText(text, t)}</bdi>;
    case 'suspendedUntil':
      return <span>{formatDateTime(text, locale, false)}</span>;
    case 'chamberCode':
      return <ChamberName code={text} />;
    case 'workshopProvinceCode':
      return <ProvinceName code={text} />;
    case 'primaryActivityCode':
    case 'secondaryActivityCodes':
      return <ActivityName code={text} />;
    case 'phone':
    case 'email':
      return <bdi dir="ltr">{text}</bdi>;
    default:
      return <bdi dir="auto">{text}</bdi>;
  }
}

function Changes({ changes }: { changes: Version['changes'] }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes).filter(([, change]) => isChange(change));
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={4}>
      {entries.map(([field, change]) => {
        const { from, to } = change as { from: unknown; to: unknown };
        return (
          <Text key={field} size="sm" component="div" data-testid={`change-${field}`}>
            <Text span fw={600} size="sm">
              {t(`registry.change.${field}`, { defaultValue: field })}
            </Text>
            {': '}
            <Value field={field} value={from} />{' '}
            <IconArrowNarrowRight size={14} aria-label={t('registry.change.becomes')} className="flip-rtl" />{' '}
            <Value field={field} value={to} />
          </Text>
        );
      })}
    </Stack>
  );
}

/** Every version of an entry, newest first, with what changed (from → to). Nothing is ever deleted. */
export function RegistrationHistory({ history, caption }: { history: Version[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = [...history].reverse();
  return (
    <TableScroll label={caption} minWidth={560}>
      <Table verticalSpacing="sm" data-testid="entry-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('registry.change.when')}</Table.Th>
            <Table.Th scope="col">{t('registry.change.what')}</Table.Th>
            <Table.Th scope="col">{t('registry.change.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => (
            <Table.Tr key={v.version} data-testid={`entry-version-${v.version}`}>
              <Table.Td>
                <time dateTime={v.at}>{formatDateTime(v.at, locale)}</time>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t(`registry.lifecycle.${v.action}`, { defaultValue: v.action })}
                </Text>
                {v.reason ? (
                  <Text size="sm" dir="auto">
                    {reasonText(v.reason, t)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Changes changes={v.changes} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
