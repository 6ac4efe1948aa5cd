import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('public.notFound.title'));
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>{t('public.notFound.title')}</Title>
        <Text>{t('public.notFound.body')}</Text>
        <Button component={Link} to="/">
          {t('public.notFound.home')}
        </Button>
      </Stack>
    </Container>
  );
}
