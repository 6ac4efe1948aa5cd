import type { User } from '@hirfa/contracts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-message.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { api, fieldErrors } from '../../lib/api.ts';
import { storeUser, useSession } from '../../lib/session.ts';

interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

function SecretLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          block
          data-testid={testId}
          dir="ltr"
          style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? t('common.actions.copied') : t('common.actions.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

export function SecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('office.security.title'));
  const client = useQueryClient();
  const user = useSession().data?.user;
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [justEnabled, setJustEnabled] = useState(false);

  async function start(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setSetup(await api<TotpSetup>('/api/v1/auth/totp/setup', { method: 'POST' }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function enable(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const updated = await api<User>('/api/v1/auth/totp/enable', {
        method: 'POST',
        body: { code: code.trim() },
      });
      storeUser(client, updated);
      setSetup(null);
      setJustEnabled(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fields = fieldErrors(error);

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('office.security.title')}</Title>
      <Text c="dimmed">{t('office.security.intro')}</Text>
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="totp-title">
        <Stack>
          <Group gap="xs">
            <IconShieldLock aria-hidden="true" />
            <Title order={2} size="h3" id="totp-title">
              {t('office.security.totpTitle')}
            </Title>
          </Group>
          {error ? (
            <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          {user?.totpEnabled ? (
            <Alert
              color="green"
              icon={<IconCircleCheck aria-hidden="true" />}
              data-testid="totp-enabled"
              role={justEnabled ? 'status' : undefined}
            >
              {t('office.security.enabled')}
            </Alert>
          ) : setup ? (
            <form onSubmit={(event) => void enable(event)} noValidate>
              <Stack>
                <Text>{t('office.security.step1')}</Text>
                <SecretLine label={t('office.security.secret')} value={setup.secret} testId="totp-secret" />
                <SecretLine label={t('office.security.url')} value={setup.otpauthUrl} testId="totp-url" />
                <Text size="sm" c="dimmed">
                  {t('office.security.qrLater')}{' '}
                  <Anchor href={setup.otpauthUrl}>{t('office.security.openApp')}</Anchor>
                </Text>
                <Text>{t('office.security.step2')}</Text>
                <TextInput
                  data-testid="totp-code"
                  label={t('office.security.code')}
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  error={fields.code}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  dir="ltr"
                  w={200}
                  required
                />
                <Button
                  type="submit"
                  loading={busy}
                  data-testid="totp-enable"
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('office.security.enable')}
                </Button>
              </Stack>
            </form>
          ) : (
            <Stack align="flex-start">
              <Text>{t('office.security.disabled')}</Text>
              <Button onClick={() => void start()} loading={busy} data-testid="totp-setup">
                {t('office.security.start')}
              </Button>
            </Stack>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
