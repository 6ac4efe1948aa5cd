import type { Session } from '@hirfa/contracts';
import {
  Alert,
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../components/error-message.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { PageLoader } from '../../components/query-state.tsx';
import { ApiError, api, fieldErrors } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { afterLogin, landingFor } from './after-login.ts';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.title'));
  const client = useQueryClient();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');

  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const [justLoggedIn, setJustLoggedIn] = useState(false);

  // Asking for the code is the next step, not an error: move the focus there.
  useEffect(() => {
    if (needsTotp) totpRef.current?.focus();
  }, [needsTotp]);

  if (session.isPending) return <PageLoader />;
  if (session.data && !justLoggedIn) return <Navigate to={landingFor(session.data, next)} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        identifier: identifier.trim(),
        password,
        ...(needsTotp && totp ? { totp: totp.trim() } : {}),
      };
      const result = await api<Session>('/api/v1/auth/login', { method: 'POST', body });
      setJustLoggedIn(true);
      await afterLogin(client, result);
      void navigate(landingFor(result, next), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'AUTH_TOTP_REQUIRED') {
        const first = !needsTotp;
        setNeedsTotp(true);
        if (first) return;
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fields = fieldErrors(error);
  const throttled = error instanceof ApiError && error.code === 'AUTH_THROTTLED';

  return (
    <Container size={460} py="xl">
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('auth.login.title')}
            </Title>
            <Text c="dimmed">{t('auth.login.intro')}</Text>
            {error ? (
              <Alert
                color={throttled ? 'orange' : 'red'}
                role="alert"
                icon={<IconAlertTriangle aria-hidden="true" />}
                data-testid="login-error"
              >
                {errorMessage(error, t)}
              </Alert>
            ) : null}
            <TextInput
              data-testid="login-identifier"
              label={t('auth.login.identifier')}
              description={t('auth.login.identifierHint')}
              value={identifier}
              onChange={(event) => setIdentifier(event.currentTarget.value)}
              error={fields.identifier}
              autoComplete="username"
              inputMode="email"
              dir="ltr"
              required
              size="md"
            />
            <PasswordInput
              data-testid="login-password"
              label={t('auth.login.password')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fields.password}
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('common.actions.togglePassword') }}
              required
              size="md"
            />
            {needsTotp ? (
              <TextInput
                ref={totpRef}
                data-testid="login-totp"
                label={t('auth.login.totp')}
                description={t('auth.login.totpHint')}
                value={totp}
                onChange={(event) => setTotp(event.currentTarget.value)}
                error={fields.totp}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                dir="ltr"
                required
                size="md"
              />
            ) : null}
            <Button type="submit" data-testid="login-submit" loading={busy} size="md" fullWidth>
              {t('auth.login.submit')}
            </Button>
            <Text size="sm">
              {t('auth.login.noAccount')}{' '}
              <Anchor component={Link} to="/signup">
                {t('auth.login.signupLink')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
