import {
  Badge,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBuildingCommunity, IconHammer, IconMap, IconQrcode } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';

function AudienceCard({
  icon,
  title,
  body,
  actions,
  testId,
}: {
  icon: ReactNode;
  title: string;
  body: string;
  actions: ReactNode;
  testId: string;
}) {
  return (
    <Card withBorder padding="lg" radius="md" data-testid={testId} component="section">
      <Stack gap="sm" h="100%">
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text style={{ flex: 1 }}>{body}</Text>
        {actions}
      </Stack>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle('');
  return (
    <Container size="lg" py="xl">
      <Stack gap="xl">
        <Stack gap="sm" maw={720}>
          <Title order={1}>{t('public.home.title')}</Title>
          <Text size="lg">{t('public.home.intro')}</Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <AudienceCard
            testId="home-artisans"
            icon={<IconHammer size={26} />}
            title={t('public.home.artisans.title')}
            body={t('public.home.artisans.body')}
            actions={
              <Group gap="xs">
                <Button component={Link} to="/signup" size="md">
                  {t('public.home.artisans.signup')}
                </Button>
                <Button component={Link} to="/login" size="md" variant="default">
                  {t('public.home.artisans.login')}
                </Button>
              </Group>
            }
          />
          <AudienceCard
            testId="home-chambers"
            icon={<IconBuildingCommunity size={26} />}
            title={t('public.home.chambers.title')}
            body={t('public.home.chambers.body')}
            actions={
              <Group gap="xs">
                <Button component={Link} to="/login" size="md" variant="default">
                  {t('public.home.chambers.login')}
                </Button>
                <Button component={Link} to="/reference/chambers" size="md" variant="subtle">
                  {t('public.home.chambers.list')}
                </Button>
              </Group>
            }
          />
          <AudienceCard
            testId="home-verify"
            icon={<IconQrcode size={26} />}
            title={t('public.home.verify.title')}
            body={t('public.home.verify.body')}
            actions={
              <Badge variant="light" color="gray" size="lg">
                {t('public.home.verify.soon')}
              </Badge>
            }
          />
        </SimpleGrid>
        <Card withBorder padding="lg" radius="md" component="section">
          <Group gap="md" align="flex-start" wrap="nowrap">
            <ThemeIcon size={44} radius="md" variant="light" aria-hidden="true">
              <IconMap size={26} />
            </ThemeIcon>
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t('public.home.reference.title')}
              </Title>
              <Text>{t('public.home.reference.body')}</Text>
              <Group gap="xs">
                <Button component={Link} to="/reference/regions" variant="subtle">
                  {t('public.nav.regions')}
                </Button>
                <Button component={Link} to="/reference/chambers" variant="subtle">
                  {t('public.nav.chambers')}
                </Button>
                <Button component={Link} to="/reference/activities" variant="subtle">
                  {t('public.nav.activities')}
                </Button>
              </Group>
            </Stack>
          </Group>
        </Card>
      </Stack>
    </Container>
  );
}
