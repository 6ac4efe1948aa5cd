import type { ApplicationDetail } from '@hirfa/contracts';
import { Card, Collapse, Group, List, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../../components/application-form/field-label.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { useLocale } from '../../../i18n/use-locale.ts';

/** The checks of Law 50-17 on this file: what fails first, then how many pass. */
export function RulesPanel({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [showPassed, { toggle }] = useDisclosure(false);
  const failed = detail.rules.filter((r) => !r.ok);
  const passed = detail.rules.filter((r) => r.ok);
  // Several checks bear on one field (present, well written, unique): name each field once.
  const passedFields = [
    ...new Set(passed.map((rule) => (rule.path ? fieldLabel(rule.path, t) || rule.rule : rule.rule))),
  ];

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="rules-title"
      data-testid="rules"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="rules-title">
          {t('office.rules.title')}
        </Title>
        <Text size="sm" data-testid="rules-summary">
          {t('office.rules.summary', {
            passed: formatNumber(passed.length, locale),
            total: formatNumber(detail.rules.length, locale),
          })}
        </Text>
        {failed.length > 0 ? (
          <List spacing="xs" listStyleType="none" data-testid="rules-failed">
            {failed.map((rule) => (
              <List.Item key={rule.rule} data-testid={`rule-${rule.rule}`}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <ThemeIcon color="red" variant="light" size={22} radius="xl" aria-hidden="true">
                    <IconX size={14} />
                  </ThemeIcon>
                  <Text size="sm">
                    <Text span fw={600} size="sm">
                      {rule.path ? fieldLabel(rule.path, t) || rule.rule : rule.rule}
                    </Text>{' '}
                    — {rule.message}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        ) : (
          <Group gap="xs">
            <ThemeIcon color="green" variant="light" size={22} radius="xl" aria-hidden="true">
              <IconCheck size={14} />
            </ThemeIcon>
            <Text size="sm">{t('office.rules.allPassed')}</Text>
          </Group>
        )}
        {passed.length > 0 ? (
          <>
            <UnstyledButton onClick={toggle} aria-expanded={showPassed} aria-controls="rules-passed">
              <Group gap={4}>
                <IconChevronDown
                  size={16}
                  aria-hidden="true"
                  style={{ transform: showPassed ? 'rotate(180deg)' : undefined }}
                />
                <Text size="sm" c="clay.8">
                  {showPassed ? t('office.rules.hidePassed') : t('office.rules.showPassed')}
                </Text>
              </Group>
            </UnstyledButton>
            <Collapse expanded={showPassed} id="rules-passed">
              <List spacing={2} size="sm" listStyleType="none">
                {passedFields.map((label) => (
                  <List.Item key={label}>
                    <Group gap="xs" wrap="nowrap">
                      <IconCheck size={14} aria-hidden="true" color="var(--mantine-color-green-8)" />
                      <Text size="sm">{label}</Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Collapse>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
