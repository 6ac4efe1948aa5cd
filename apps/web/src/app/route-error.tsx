import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { usePageTitle } from '../components/page-title.ts';
import { NotFoundPage } from '../features/public/not-found.page.tsx';

/** Last resort when a page throws or its code fails to load (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('common.error.title'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack align="flex-start">
        <Title order={1}>{t('common.error.title')}</Title>
        <Text>{t('common.error.page')}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.actions.reload')}</Button>
      </Stack>
    </Container>
  );
}
