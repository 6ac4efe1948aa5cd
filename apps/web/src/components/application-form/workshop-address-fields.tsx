import { SimpleGrid } from '@mantine/core';
import { PayloadText } from './payload-text.tsx';
import type { SectionProps } from './section-props.ts';

export function WorkshopAddressFields({ payload, errors, onChange, size }: SectionProps) {
  const common = { payload, errors, onChange, size };
  return (
    <SimpleGrid cols={size === 'sm' ? { base: 1, sm: 2 } : 1} spacing={size === 'sm' ? 'sm' : 'md'}>
      <PayloadText {...common} path="workshop.addressAr" dir="rtl" lang="ar" autoComplete="off" />
      <PayloadText {...common} path="workshop.addressFr" dir="ltr" lang="fr" autoComplete="off" />
    </SimpleGrid>
  );
}
