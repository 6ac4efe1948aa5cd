import type { ApplicationDetail, WorkflowAction } from '@hirfa/contracts';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECTION_REASONS, type RejectionReason } from '../../../components/registry/registry.constants.ts';
import { notifyDone } from '../../../components/registry/notify.ts';
import { ProblemAlert } from './problem-alert.tsx';
import { useAct } from './use-act.ts';
import { BUTTON_COLOR, ink } from '../../../components/registry/ink.ts';

/** The steps that ask for words or a confirmation before they are taken. */
export type ModalAction = Extract<
  WorkflowAction,
  'request_info' | 'refer_commission' | 'approve' | 'reject' | 'withdraw'
>;

const DANGER: Partial<Record<ModalAction, string>> = {
  reject: BUTTON_COLOR.stop,
  withdraw: BUTTON_COLOR.stop,
  approve: BUTTON_COLOR.go,
};

/**
 * Confirms one decision. The text typed stays in the dialog whatever the server answers; a stale
 * file is reloaded from here and the decision confirmed again.
 */
export function ActionModal({
  action,
  detail,
  onClose,
  defaultReason,
  warning,
}: {
  action: ModalAction;
  detail: ApplicationDetail;
  onClose: () => void;
  defaultReason?: RejectionReason;
  warning?: string;
}) {
  const { t } = useTranslation();
  const act = useAct(detail);
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState<RejectionReason | null>(defaultReason ?? null);
  const [missing, setMissing] = useState<string | null>(null);
  const needsMessage = action === 'request_info';
  const withReason = action === 'reject';

  async function confirm(): Promise<void> {
    if (needsMessage && !message.trim()) {
      setMissing(t('office.action.messageRequired'));
      return;
    }
    if (withReason && !reason) {
      setMissing(t('office.action.reasonRequired'));
      return;
    }
    setMissing(null);
    const done = await act.run({
      type: action,
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(withReason && reason ? { reasonCode: reason } : {}),
    });
    if (done) {
      notifyDone(
        done.nia
          ? t('office.action.doneApproved', { nia: done.nia })
          : t('office.action.done', { state: t(`registry.state.${done.state}`) }),
      );
      onClose();
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`office.action.${action}.title`)}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('registry.common.close') }}
    >
      <Stack>
        <Text size="sm">{t(`office.action.${action}.body`)}</Text>
        {warning ? (
          <Text size="sm" c={ink('orange')} fw={600}>
            {warning}
          </Text>
        ) : null}
        {withReason ? (
          <Select
            data-testid="reject-reason"
            label={t('office.action.reject.reason')}
            data={REJECTION_REASONS.map((r) => ({ value: r, label: t(`registry.reason.${r}`) }))}
            value={reason}
            onChange={(value) => setReason(REJECTION_REASONS.find((r) => r === value) ?? null)}
            error={withReason && missing && !reason ? missing : undefined}
            allowDeselect={false}
            required
          />
        ) : null}
        {action === 'approve' ? null : (
          <Textarea
            data-testid={action === 'request_info' ? 'request-message' : `${action}-message`}
            label={t(`office.action.${action}.message`)}
            description={t(`office.action.${action}.messageHint`)}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            error={needsMessage && missing && !message.trim() ? missing : undefined}
            required={needsMessage}
            autosize
            minRows={4}
            maxLength={4000}
            dir="auto"
            data-autofocus
          />
        )}
        <ProblemAlert error={act.error} onReload={() => void act.reload()} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('office.action.cancel')}
          </Button>
          <Button
            color={DANGER[action]}
            onClick={() => void confirm()}
            loading={act.busy !== null}
            data-testid="confirm"
          >
            {t(`office.action.${action}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
