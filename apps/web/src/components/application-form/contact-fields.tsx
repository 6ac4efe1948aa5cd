import { Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProvinceOptions } from '../registry/reference-labels.ts';
import { PayloadText } from './payload-text.tsx';
import type { SectionProps } from './section-props.ts';

/** How to reach the applicant, and where they live. */
export function ContactFields(props: SectionProps & { phoneHintKey?: string }) {
  const { t } = useTranslation();
  const { payload, errors, onChange, size, phoneHintKey } = props;
  const common = { payload, errors, onChange, size };
  const provinces = useProvinceOptions();
  return (
    <Stack gap="md">
      <PayloadText
        {...common}
        path="person.phone"
        hintKey={phoneHintKey ?? 'registry.hint.phone'}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        dir="ltr"
      />
      <PayloadText {...common} path="person.email" type="email" autoComplete="email" dir="ltr" />
      <SimpleGrid cols={size === 'sm' ? { base: 1, sm: 2 } : 1} spacing="sm">
        <PayloadText {...common} path="person.addressAr" dir="rtl" lang="ar" autoComplete="off" />
        <PayloadText {...common} path="person.addressFr" dir="ltr" lang="fr" autoComplete="street-address" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          data-testid="field-person.provinceCode"
          label={t('registry.field.person.provinceCode')}
          data={provinces.options}
          value={payload.person.provinceCode ?? null}
          onChange={(value) => onChange('person.provinceCode', value)}
          error={errors['person.provinceCode']}
          searchable
          clearable
          nothingFoundMessage={t('registry.field.noMatch')}
          size={size}
          comboboxProps={{ withinPortal: true }}
        />
        <PayloadText
          {...common}
          path="person.postalCode"
          inputMode="numeric"
          autoComplete="postal-code"
          dir="ltr"
          maxLength={5}
        />
      </SimpleGrid>
    </Stack>
  );
}
