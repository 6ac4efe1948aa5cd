import type { ApplicationStateName } from '@hirfa/contracts';
import { Badge, type MantineSize } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconBan,
  IconCircleCheck,
  IconCircleX,
  IconClockPause,
  IconEye,
  IconPencil,
  IconSend,
  IconSend2,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ink } from './ink.ts';
import type { RegistrationStatus } from './registry.constants.ts';

type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean | 'true'; stroke?: number }>;

/** Colour, icon and words together: the state is never told by colour alone. */
export const STATE_LOOK: Record<ApplicationStateName, { color: string; icon: Icon }> = {
  draft: { color: 'gray', icon: IconPencil },
  submitted: { color: 'blue', icon: IconSend },
  incomplete: { color: 'orange', icon: IconAlertTriangle },
  resubmitted: { color: 'blue', icon: IconSend2 },
  under_review: { color: 'indigo', icon: IconEye },
  commission: { color: 'grape', icon: IconUsersGroup },
  approved: { color: 'green', icon: IconCircleCheck },
  rejected: { color: 'red', icon: IconCircleX },
  withdrawn: { color: 'gray', icon: IconArrowBackUp },
};

const STATUS_LOOK: Record<RegistrationStatus, { color: string; icon: Icon }> = {
  active: { color: 'green', icon: IconCircleCheck },
  suspended: { color: 'orange', icon: IconClockPause },
  radiated: { color: 'red', icon: IconBan },
};

function LookBadge({
  look,
  label,
  size,
  testId,
  value,
}: {
  look: { color: string; icon: Icon };
  label: string;
  size: MantineSize;
  testId: string | undefined;
  value: string;
}) {
  const Icon = look.icon;
  const iconSize = size === 'xl' || size === 'lg' ? 18 : 14;
  return (
    <Badge
      variant="light"
      color={look.color}
      size={size}
      radius="sm"
      leftSection={<Icon size={iconSize} aria-hidden="true" />}
      data-testid={testId}
      data-value={value}
      // Dark ink on the light background keeps the words readable (≥ 4.5:1).
      styles={{
        root: {
          color: ink(look.color),
          textTransform: 'none',
          height: 'auto',
          paddingBlock: 2,
          maxWidth: '100%',
        },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.35 },
      }}
    >
      {label}
    </Badge>
  );
}

export function StateBadge({
  state,
  size = 'md',
  testId,
}: {
  state: ApplicationStateName;
  size?: MantineSize;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <LookBadge
      look={STATE_LOOK[state]}
      label={t(`registry.state.${state}`)}
      size={size}
      testId={testId}
      value={state}
    />
  );
}

export function RegistrationStatusBadge({
  status,
  size = 'md',
  testId,
}: {
  status: RegistrationStatus;
  size?: MantineSize;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <LookBadge
      look={STATUS_LOOK[status]}
      label={t(`registry.status.${status}`)}
      size={size}
      testId={testId}
      value={status}
    />
  );
}
