import { Group, Radio, SimpleGrid, Stack } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isHolderKind } from '../registry/registry.constants.ts';
import { DateParts } from './date-parts.tsx';
import { PayloadText } from './payload-text.tsx';
import type { SectionProps } from './section-props.ts';

const upper = (text: string) => text.toUpperCase().replace(/\s+/g, '');

/** Who the artisan (or the organisation's legal representative) is, as written on the CIN. */
export function IdentityFields(props: SectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const { payload, errors, onChange, size, kind } = props;
  const common = { payload, errors, onChange, size };
  // On a phone one field per line; at the counter, the pairs read from the CIN side by side.
  const pairs = size === 'sm' ? { base: 1, sm: 2 } : 1;
  return (
    <Stack gap="md">
      <PayloadText
        {...common}
        path="person.cin"
        hintKey={isHolderKind(kind) ? 'registry.hint.cin' : 'registry.hint.cinRepresentative'}
        transform={upper}
        dir="ltr"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
      />
      <SimpleGrid cols={pairs} spacing="sm">
        <PayloadText {...common} path="person.firstNameAr" dir="rtl" lang="ar" autoComplete="off" />
        <PayloadText {...common} path="person.lastNameAr" dir="rtl" lang="ar" autoComplete="off" />
      </SimpleGrid>
      <SimpleGrid cols={pairs} spacing="sm">
        <PayloadText {...common} path="person.firstNameLatn" dir="ltr" autoComplete="given-name" />
        <PayloadText {...common} path="person.lastNameLatn" dir="ltr" autoComplete="family-name" />
      </SimpleGrid>
      <DateParts
        label={t('registry.field.person.birthDate')}
        value={payload.person.birthDate}
        onChange={(iso) => onChange('person.birthDate', iso)}
        error={errors['person.birthDate']}
        testId="field-person.birthDate"
        size={size}
      />
      <Radio.Group
        label={t('registry.field.person.gender')}
        value={payload.person.gender ?? ''}
        onChange={(value) => onChange('person.gender', value)}
        error={errors['person.gender']}
        data-testid="field-person.gender"
        name={`${id}-gender`}
        size={size}
      >
        <Group gap="xl" mt={6}>
          {(['F', 'M'] as const).map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`registry.gender.${value}`)}
              size={size === 'lg' ? 'md' : 'sm'}
              data-testid={`field-person.gender-${value}`}
            />
          ))}
        </Group>
      </Radio.Group>
    </Stack>
  );
}
