import type { ApplicationDetail, WorkflowAction } from '@hirfa/contracts';
import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleX,
  IconEye,
  IconMessageQuestion,
  IconPencil,
  IconSend,
  IconUserCheck,
  IconUserMinus,
  IconUsersGroup,
  IconArrowBackUp,
} from '@tabler/icons-react';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../../components/registry/registry.api.ts';
import { useStaffList } from '../../../components/registry/registry.api.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { useSession } from '../../../lib/session.ts';
import { ActionModal, type ModalAction } from './action-modal.tsx';
import { ProblemAlert } from './problem-alert.tsx';
import { useAct } from './use-act.ts';
import { BUTTON_COLOR, ink } from '../../../components/registry/ink.ts';

type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean | 'true' }>;

const MODAL_ACTIONS: readonly ModalAction[] = [
  'request_info',
  'refer_commission',
  'approve',
  'reject',
  'withdraw',
];
const ICONS: Partial<Record<WorkflowAction, Icon>> = {
  submit: IconSend,
  resubmit: IconSend,
  start_review: IconEye,
  request_info: IconMessageQuestion,
  refer_commission: IconUsersGroup,
  approve: IconCircleCheck,
  reject: IconCircleX,
  withdraw: IconArrowBackUp,
};
const COLORS: Partial<Record<WorkflowAction, string>> = {
  approve: BUTTON_COLOR.go,
  reject: BUTTON_COLOR.stop,
};
const ORDER: readonly WorkflowAction[] = [
  'submit',
  'resubmit',
  'start_review',
  'request_info',
  'refer_commission',
  'approve',
  'reject',
  'withdraw',
];

function AssignControls({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const act = useAct(detail);
  const admin = me?.role === 'chamber_admin';
  const staff = useStaffList(admin);
  const [chosen, setChosen] = useState<string | null>(null);
  const options = (staff.data ?? [])
    .filter(
      (u) =>
        u.chamberCode === detail.chamberCode && (u.role === 'chamber_agent' || u.role === 'chamber_admin'),
    )
    .map((u) => ({ value: u.id, label: u.displayName }));

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {me && detail.assigneeId !== me.id ? (
          <Button
            variant="light"
            size="sm"
            leftSection={<IconUserCheck size={18} aria-hidden="true" />}
            loading={act.busy === 'assign'}
            onClick={() => void act.run({ type: 'assign', assigneeId: me.id })}
            data-testid="action-assign"
          >
            {t('office.action.assignMe')}
          </Button>
        ) : null}
        {detail.assigneeId ? (
          <Button
            variant="subtle"
            size="sm"
            leftSection={<IconUserMinus size={18} aria-hidden="true" />}
            loading={act.busy === 'assign'}
            onClick={() => void act.run({ type: 'assign', assigneeId: null })}
            data-testid="action-unassign"
          >
            {t('office.action.unassign')}
          </Button>
        ) : null}
      </Group>
      {admin && options.length > 0 ? (
        <Group gap="xs" align="flex-end">
          <Select
            data-testid="assign-select"
            label={t('office.action.assignTo')}
            data={options}
            value={chosen}
            onChange={setChosen}
            searchable
            size="sm"
            style={{ flex: 1 }}
          />
          <Button
            size="sm"
            variant="default"
            disabled={!chosen}
            onClick={() => chosen && void act.run({ type: 'assign', assigneeId: chosen })}
            data-testid="assign-confirm"
          >
            {t('office.action.assign')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={act.error} onReload={() => void act.reload()} />
    </Stack>
  );
}

/**
 * What the agent may do now (from the server's availableActions), in the order a file moves
 * forward. The Federation and auditors see the file and no buttons.
 */
export function ActionsPanel({
  detail,
  duplicates,
}: {
  detail: ApplicationDetail;
  duplicates: DuplicateCandidate[] | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const act = useAct(detail);
  const [open, setOpen] = useState<ModalAction | null>(null);
  const actions = ORDER.filter((a) => detail.availableActions.includes(a));
  const undecided = (duplicates ?? []).filter((d) => d.decision !== 'not_duplicate').length;
  const markedDuplicate = (duplicates ?? []).some((d) => d.decision === 'duplicate_reject');

  if (actions.length === 0 && !detail.availableActions.includes('assign') && !detail.canEdit) {
    return (
      <Card withBorder padding="md" radius="md">
        <Text size="sm" c="dimmed" data-testid="actions-none">
          {t('office.application.noActions')}
        </Text>
      </Card>
    );
  }

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="actions-title"
      data-testid="actions"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="actions-title">
          {t('office.application.actions')}
        </Title>
        {detail.availableActions.includes('assign') ? <AssignControls detail={detail} /> : null}
        <Stack gap="xs">
          {actions.map((action) => {
            const IconOf = ICONS[action] ?? IconSend;
            const modal = MODAL_ACTIONS.includes(action as ModalAction);
            return (
              <Button
                key={action}
                fullWidth
                justify="flex-start"
                variant={
                  action === 'approve' || action === 'start_review'
                    ? 'filled'
                    : action === 'reject'
                      ? 'outline'
                      : 'default'
                }
                color={COLORS[action]}
                leftSection={<IconOf size={18} aria-hidden="true" />}
                loading={act.busy === action}
                onClick={() => (modal ? setOpen(action as ModalAction) : void act.run({ type: action }))}
                data-testid={`action-${action}`}
              >
                {t(`office.action.${action}.button`)}
              </Button>
            );
          })}
          {detail.canEdit ? (
            <Button
              component={Link}
              to={`/office/applications/${detail.id}/edit`}
              variant="default"
              fullWidth
              justify="flex-start"
              leftSection={<IconPencil size={18} aria-hidden="true" />}
              data-testid="action-edit"
            >
              {t('office.application.edit')}
            </Button>
          ) : null}
        </Stack>
        {detail.availableActions.includes('approve') && undecided > 0 ? (
          <Text size="sm" c={ink('orange')} data-testid="duplicates-pending">
            {t('office.application.duplicatesPending', { n: formatNumber(undecided, locale) })}
          </Text>
        ) : null}
        <ProblemAlert error={act.error} onReload={() => void act.reload()} />
      </Stack>
      {open ? (
        <ActionModal
          action={open}
          detail={detail}
          onClose={() => setOpen(null)}
          defaultReason={open === 'reject' && markedDuplicate ? 'duplicate' : undefined}
          warning={
            open === 'approve' && undecided > 0
              ? t('office.application.duplicatesPending', { n: formatNumber(undecided, locale) })
              : open === 'approve' && detail.kind === 'master_artisan' && detail.state !== 'commission'
                ? t('office.application.commissionFirst')
                : undefined
          }
        />
      ) : null}
    </Card>
  );
}
