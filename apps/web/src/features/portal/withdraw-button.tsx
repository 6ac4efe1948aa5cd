import type { ApplicationDetail } from '@hirfa/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-message.ts';
import { Intent } from '../../components/registry/intent.ts';
import { actOnApplication, storeApplication } from '../../components/registry/registry.api.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { BUTTON_COLOR } from '../../components/registry/ink.ts';

/** Withdrawing ends the file for good: asked once more before it happens. */
export function WithdrawButton({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const intent = useRef(new Intent());

  async function withdraw(): Promise<void> {
    setBusy(true);
    setError(null);
    const body = { type: 'withdraw' as const, version: detail.version };
    try {
      const done = await intent.current.run(body, (idempotencyKey) =>
        actOnApplication(detail.id, { ...body, idempotencyKey }),
      );
      storeApplication(client, locale, done);
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="subtle"
        color={BUTTON_COLOR.stop}
        onClick={open}
        leftSection={<IconArrowBackUp size={18} aria-hidden="true" />}
        data-testid="file-withdraw"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('portal.file.withdraw')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('portal.file.withdrawTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('registry.common.close') }}
      >
        <Stack>
          <Text>{t('portal.file.withdrawBody')}</Text>
          {error ? (
            <Alert color="red" role="alert">
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('portal.file.keep')}
            </Button>
            <Button
              color={BUTTON_COLOR.stop}
              onClick={() => void withdraw()}
              loading={busy}
              data-testid="confirm"
            >
              {t('portal.file.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
