import { Blockquote, Text, ThemeIcon } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleX,
  IconEye,
  IconFilePlus,
  IconMessageQuestion,
  IconPencil,
  IconSend,
  IconUserCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import classes from './history-timeline.module.css';
import type { HistoryEntry } from './registry.api.ts';

type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean | 'true' }>;

const ICONS: Record<string, { icon: Icon; color: string }> = {
  create: { icon: IconFilePlus, color: 'gray' },
  edit: { icon: IconPencil, color: 'gray' },
  submit: { icon: IconSend, color: 'blue' },
  resubmit: { icon: IconSend, color: 'blue' },
  request_info: { icon: IconMessageQuestion, color: 'orange' },
  start_review: { icon: IconEye, color: 'indigo' },
  refer_commission: { icon: IconUsersGroup, color: 'grape' },
  approve: { icon: IconCircleCheck, color: 'green' },
  reject: { icon: IconCircleX, color: 'red' },
  withdraw: { icon: IconArrowBackUp, color: 'gray' },
  assign: { icon: IconUserCheck, color: 'gray' },
};

interface Row {
  entry: HistoryEntry;
  /** Consecutive edits by the same side are shown once, with their number. */
  count: number;
}

function collapse(entries: HistoryEntry[], forStaff: boolean): Row[] {
  const rows: Row[] = [];
  for (const entry of entries) {
    // The applicant does not need every saved step nor the chamber's internal assignments.
    if ((entry.type === 'edit' || entry.type === 'assign') && !forStaff) continue;
    const last = rows[rows.length - 1];
    if (entry.type === 'edit' && last?.entry.type === 'edit' && last.entry.side === entry.side) {
      last.count += 1;
      last.entry = entry;
    } else rows.push({ entry, count: 1 });
  }
  return rows;
}

/**
 * What happened to a file, newest first. The artisan reads "you" and "the chamber"; staff read
 * the names of the people who acted.
 */
export function HistoryTimeline({
  history,
  audience,
}: {
  history: HistoryEntry[];
  audience: 'applicant' | 'staff';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = collapse(history, audience === 'staff').reverse();

  function who(entry: HistoryEntry): string {
    if (audience === 'applicant')
      return entry.side === 'applicant' ? t('registry.history.byYou') : t('registry.history.byChamber');
    if (entry.actorName) return entry.actorName;
    return entry.side === 'applicant' ? t('registry.history.byApplicant') : t('registry.history.byChamber');
  }

  return (
    <ol className={classes.list} data-testid="history">
      {rows.map(({ entry, count }) => {
        const look = ICONS[entry.type] ?? { icon: IconPencil, color: 'gray' };
        const Icon = look.icon;
        return (
          <li key={entry.id} className={classes.item} data-testid={`history-${entry.type}`}>
            <ThemeIcon variant="light" color={look.color} radius="xl" size={32} className={classes.bullet}>
              <Icon size={18} aria-hidden="true" />
            </ThemeIcon>
            <div className={classes.body}>
              <Text fw={600} size="sm">
                {t(`registry.history.${entry.type}`, { defaultValue: entry.type })}
                {count > 1 ? ` (${t('registry.history.times', { n: formatNumber(count, locale) })})` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                <bdi>{who(entry)}</bdi> · <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </Text>
              {entry.reasonCode ? (
                <Text size="sm" mt={4}>
                  {t('registry.history.reason', { reason: t(`registry.reason.${entry.reasonCode}`) })}
                </Text>
              ) : null}
              {entry.message ? (
                <Blockquote className={classes.message} p="xs" mt={6} color={look.color}>
                  <Text size="sm" dir="auto" className={classes.messageText}>
                    {entry.message}
                  </Text>
                </Blockquote>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
