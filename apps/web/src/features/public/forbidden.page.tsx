import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { homeFor, useSession } from '../../lib/session.ts';

export function ForbiddenPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(t('public.forbidden.title'));
  const home = session.data ? homeFor(session.data.user.role) : '/';
  return (
    <Container size="sm" py="xl" data-testid="forbidden">
      <Stack align="flex-start">
        <IconLock aria-hidden="true" size={40} stroke={1.5} />
        <Title order={1}>{t('public.forbidden.title')}</Title>
        <Text>{t('public.forbidden.body')}</Text>
        <Button component={Link} to={home}>
          {t('public.forbidden.back')}
        </Button>
      </Stack>
    </Container>
  );
}
