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
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../../components/error-message.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { PageLoader } from '../../components/query-state.tsx';
import { saveLocale } from '../../i18n/locale.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { api, fieldErrors } from '../../lib/api.ts';
import { homeFor, storeSession, useSession } from '../../lib/session.ts';

const MIN_PASSWORD = 10;

export function SignupPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signup.title'));
  const locale = useLocale();
  const client = useQueryClient();
  const session = useSession();
  const navigate = useNavigate();

  const [displayName, setDisplayName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  if (session.isPending) return <PageLoader />;
  if (session.data && !done) return <Navigate to={homeFor(session.data.user.role)} replace />;

  function check(): Record<string, string> {
    const out: Record<string, string> = {};
    if (displayName.trim().length < 2) out.displayName = t('auth.signup.errors.displayName');
    if (!phone.trim() && !email.trim()) out.phone = t('auth.signup.errors.contact');
    if (password.length < MIN_PASSWORD)
      out.password = t('auth.signup.errors.password', { min: MIN_PASSWORD });
    return out;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const problems = check();
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const body = {
        displayName: displayName.trim(),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        password,
        locale,
      };
      const result = await api<Session>('/api/v1/auth/signup', { method: 'POST', body });
      setDone(true);
      saveLocale(locale);
      storeSession(client, result);
      void navigate(homeFor(result.user.role), { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fields = { ...fieldErrors(error), ...local };

  return (
    <Container size={520} py="xl">
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('auth.signup.title')}
            </Title>
            <Text c="dimmed">{t('auth.signup.intro')}</Text>
            {error ? (
              <Alert
                color="red"
                role="alert"
                icon={<IconAlertTriangle aria-hidden="true" />}
                data-testid="signup-error"
              >
                {errorMessage(error, t)}
              </Alert>
            ) : null}
            <TextInput
              data-testid="signup-name"
              label={t('auth.signup.displayName')}
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              error={fields.displayName}
              autoComplete="name"
              dir="auto"
              required
              size="md"
            />
            <TextInput
              data-testid="signup-phone"
              type="tel"
              label={t('auth.signup.phone')}
              description={t('auth.signup.contactHint')}
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={fields.phone ?? fields.contact}
              autoComplete="tel"
              inputMode="tel"
              dir="ltr"
              size="md"
            />
            <TextInput
              data-testid="signup-email"
              type="email"
              label={t('auth.signup.email')}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fields.email}
              autoComplete="email"
              dir="ltr"
              size="md"
            />
            <PasswordInput
              data-testid="signup-password"
              label={t('auth.signup.password')}
              description={t('auth.signup.passwordHint', { min: MIN_PASSWORD })}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fields.password}
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('common.actions.togglePassword') }}
              required
              size="md"
            />
            <Button type="submit" data-testid="signup-submit" loading={busy} size="md" fullWidth>
              {t('auth.signup.submit')}
            </Button>
            <Text size="sm">
              {t('auth.signup.haveAccount')}{' '}
              <Anchor component={Link} to="/login">
                {t('auth.signup.loginLink')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
