import { LOCALES } from '@hirfa/contracts/constants';
import type { CreateStaff, Locale, User } from '@hirfa/contracts';
import {
  Alert,
  Button,
  Card,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-message.ts';
import { LANGUAGE_AUTONYMS } from '../../i18n/languages.ts';
import { api, fieldErrors } from '../../lib/api.ts';
import { useChambers } from '../reference/reference.api.ts';

type StaffRole = CreateStaff['role'];
const MIN_PASSWORD = 12;
const CHAMBER_ROLES: readonly StaffRole[] = ['chamber_admin', 'chamber_agent'];

/** Creates a staff account. A chamber admin can only add people to their own chamber. */
export function CreateStaffForm({ creator }: { creator: User }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const chambers = useChambers();
  const national = creator.role === 'federation_admin';
  const roleOptions: readonly StaffRole[] = national
    ? ['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor']
    : CHAMBER_ROLES;

  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('chamber_agent');
  const [chamberCode, setChamberCode] = useState<string | null>(national ? null : creator.chamberCode);
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale>('fr');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});

  const needsChamber = CHAMBER_ROLES.includes(role);

  function check(): Record<string, string> {
    const out: Record<string, string> = {};
    if (displayName.trim().length < 2) out.displayName = t('office.users.errors.displayName');
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) out.email = t('office.users.errors.email');
    if (needsChamber && !chamberCode) out.chamberCode = t('office.users.errors.chamber');
    if (password.length < MIN_PASSWORD)
      out.password = t('office.users.errors.password', { min: MIN_PASSWORD });
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
      const body: CreateStaff = {
        displayName: displayName.trim(),
        email: email.trim(),
        role,
        chamberCode: needsChamber ? chamberCode : null,
        password,
        locale,
      };
      const user = await api<User>('/api/v1/admin/users', { method: 'POST', body });
      await client.invalidateQueries({ queryKey: ['office', 'users'] });
      notifications.show({ color: 'green', message: t('office.users.created', { name: user.displayName }) });
      setDisplayName('');
      setEmail('');
      setPassword('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fields = { ...fieldErrors(error), ...local };
  const chamberOptions = (chambers.data ?? [])
    .filter((c) => c.kind === 'regional')
    .map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }));

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="create-staff-title">
      <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="create-staff-form">
        <Stack>
          <Title order={2} size="h3" id="create-staff-title">
            {t('office.users.createTitle')}
          </Title>
          {error ? (
            <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              data-testid="staff-name"
              label={t('office.users.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={fields.displayName}
              dir="auto"
              required
            />
            <TextInput
              data-testid="staff-email"
              type="email"
              label={t('office.users.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields.email}
              autoComplete="off"
              dir="ltr"
              required
            />
            <Select
              data-testid="staff-role"
              label={t('office.users.role')}
              value={role}
              onChange={(value) => {
                const next = roleOptions.find((r) => r === value);
                if (next) setRole(next);
              }}
              data={roleOptions.map((value) => ({ value, label: t(`common.roles.${value}`) }))}
              error={fields.role}
              allowDeselect={false}
              required
            />
            <Select
              data-testid="staff-chamber"
              label={t('office.users.chamber')}
              description={needsChamber ? undefined : t('office.users.nationalHint')}
              value={needsChamber ? chamberCode : null}
              onChange={setChamberCode}
              data={chamberOptions}
              placeholder={needsChamber ? t('office.users.chooseChamber') : t('office.scope.national')}
              disabled={!needsChamber || !national}
              error={fields.chamberCode}
              searchable
              required={needsChamber}
              nothingFoundMessage={t('office.users.noChamber')}
            />
            <PasswordInput
              data-testid="staff-password"
              label={t('office.users.password')}
              description={t('office.users.passwordHint', { min: MIN_PASSWORD })}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.password}
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('common.actions.togglePassword') }}
              required
            />
            <Select
              data-testid="staff-locale"
              label={t('office.users.locale')}
              value={locale}
              onChange={(value) => {
                const next = LOCALES.find((l) => l === value);
                if (next) setLocale(next);
              }}
              data={LOCALES.map((value) => ({ value, label: LANGUAGE_AUTONYMS[value].name }))}
              error={fields.locale}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Button type="submit" loading={busy} data-testid="staff-submit" style={{ alignSelf: 'flex-start' }}>
            {t('office.users.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
