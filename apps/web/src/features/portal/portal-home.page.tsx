import { Alert, Button, Card, Container, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockHour4, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { LANGUAGE_AUTONYMS } from '../../i18n/languages.ts';
import { useSession } from '../../lib/session.ts';

export function PortalHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.home.title'));
  const session = useSession();
  const user = session.data?.user;
  if (!user) return null;

  const rows = [
    { label: t('portal.home.name'), value: user.displayName, testId: 'user-name', dir: 'auto' as const },
    { label: t('portal.home.phone'), value: user.phone ?? t('portal.home.none'), dir: 'ltr' as const },
    { label: t('portal.home.email'), value: user.email ?? t('portal.home.none'), dir: 'ltr' as const },
    { label: t('portal.home.language'), value: LANGUAGE_AUTONYMS[user.locale].name, lang: user.locale },
  ];

  return (
    <Container size="sm" py="lg" px="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('portal.home.title')}
          </Title>
          <Text size="lg">{t('portal.home.greeting', { name: user.displayName })}</Text>
        </Stack>

        <Alert
          variant="light"
          color="clay"
          icon={<IconClockHour4 aria-hidden="true" />}
          title={t('portal.home.soonTitle')}
          data-testid="portal-soon"
        >
          <Text size="md">{t('portal.home.soonBody')}</Text>
        </Alert>

        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="portal-account">
          <Stack gap="sm">
            <Stack gap={4} align="flex-start">
              <ThemeIcon variant="light" size={44} aria-hidden="true">
                <IconUserCircle />
              </ThemeIcon>
              <Title order={2} size="h3" id="portal-account">
                {t('portal.home.account')}
              </Title>
            </Stack>
            <Table variant="vertical" layout="fixed" withRowBorders>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Th w="40%">{row.label}</Table.Th>
                    <Table.Td>
                      <bdi data-testid={row.testId} dir={row.dir} lang={row.lang}>
                        {row.value}
                      </bdi>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              {t('portal.home.languageHint')}
            </Text>
          </Stack>
        </Card>

        <Button component={Link} to="/reference/activities" variant="default" size="lg" fullWidth>
          {t('portal.home.activitiesLink')}
        </Button>
      </Stack>
    </Container>
  );
}
