import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Mark() {
  return (
    <svg
      width="32"
      height="32"
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
      style={{ flexShrink: 0 }}
    >
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-clay-6)" />
      <path d="M32 10l6 16 16 6-16 6-6 16-6-16-16-6 16-6z" fill="var(--mantine-color-clay-0)" />
    </svg>
  );
}

/** The platform's name and mark; a link home (never the page's h1). */
export function Brand({ to = '/', compact = false }: { to?: string; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} aria-label={t('common.brand.homeLink')} mih={44}>
      <Group gap="xs" wrap="nowrap">
        <Mark />
        <Text
          component="span"
          fw={700}
          size="lg"
          c="clay.8"
          style={{ whiteSpace: 'nowrap' }}
          visibleFrom={compact ? 'xs' : undefined}
        >
          {t('common.brand.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
