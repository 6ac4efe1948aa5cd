import { NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceCards } from './choice-cards.tsx';
import type { SectionProps } from './section-props.ts';

/** What proves the craft: a diploma, years attested, or (maâlem) the recognition of the trade. */
export function QualificationFields({ payload, errors, onChange, size, kind }: SectionProps) {
  const { t } = useTranslation();
  const q = payload.qualification;
  const master = kind === 'master_artisan';
  const yearsHint = master
    ? 'registry.hint.yearsMaster'
    : q.basis === 'diploma'
      ? 'registry.hint.yearsDiploma'
      : 'registry.hint.yearsPractice';
  return (
    <Stack gap="lg">
      {master ? (
        <Stack gap={4}>
          <Text fw={600}>{t('registry.field.qualification.basis')}</Text>
          <Text data-testid="field-qualification.basis">{t('registry.basis.recognition_attestation')}</Text>
          <Text size="sm" c="dimmed">
            {t('registry.basisHint.recognition_attestation')}
          </Text>
        </Stack>
      ) : (
        <ChoiceCards
          label={t('registry.field.qualification.basis')}
          testId="field-qualification.basis"
          size={size}
          value={q.basis}
          onChange={(value) => onChange('qualification.basis', value)}
          error={errors['qualification.basis']}
          choices={(['diploma', 'practice_attestation'] as const).map((basis) => ({
            value: basis,
            title: t(`registry.basis.${basis}`),
            description: t(`registry.basisHint.${basis}`),
            testId: `field-qualification.basis-${basis}`,
          }))}
        />
      )}
      <NumberInput
        data-testid="field-qualification.yearsOfPractice"
        label={t('registry.field.qualification.yearsOfPractice')}
        description={t(yearsHint)}
        value={q.yearsOfPractice ?? ''}
        onChange={(value) =>
          onChange('qualification.yearsOfPractice', typeof value === 'number' ? value : undefined)
        }
        error={errors['qualification.yearsOfPractice']}
        min={0}
        max={80}
        allowDecimal={false}
        allowNegative={false}
        inputMode="numeric"
        dir="ltr"
        size={size}
        styles={{ wrapper: { maxInlineSize: size === 'lg' ? 200 : 160 } }}
      />
    </Stack>
  );
}
