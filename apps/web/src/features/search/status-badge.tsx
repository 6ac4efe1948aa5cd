import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from './search-params.ts';

const COLOR: Record<Status, string> = { active: 'green', suspended: 'orange', radiated: 'gray' };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" tt="none" data-status={status}>
      {t(`search:status.${status}`)}
    </Badge>
  );
}
