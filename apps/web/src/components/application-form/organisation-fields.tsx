import { SimpleGrid, Stack } from '@mantine/core';
import { PayloadText } from './payload-text.tsx';
import type { SectionProps } from './section-props.ts';

const digitsOnly = (text: string) => text.replace(/\D/g, '');

/** The cooperative or the enterprise itself; its legal representative is the person of the form. */
export function OrganisationFields({ payload, errors, onChange, size, kind }: SectionProps) {
  const common = { payload, errors, onChange, size };
  return (
    <Stack gap="md">
      <PayloadText {...common} path="organisation.nameAr" dir="rtl" lang="ar" autoComplete="organization" />
      <PayloadText {...common} path="organisation.nameFr" dir="ltr" lang="fr" autoComplete="organization" />
      {kind === 'cooperative' ? (
        <PayloadText
          {...common}
          path="organisation.coopRegisterNumber"
          hintKey="registry.hint.coopRegister"
          dir="ltr"
        />
      ) : null}
      <PayloadText
        {...common}
        path="organisation.ice"
        hintKey={kind === 'cooperative' ? 'registry.hint.iceOptional' : 'registry.hint.ice'}
        transform={digitsOnly}
        inputMode="numeric"
        maxLength={15}
        dir="ltr"
      />
      {kind === 'enterprise' ? (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <PayloadText {...common} path="organisation.rcCourt" dir="auto" />
            <PayloadText {...common} path="organisation.rcNumber" dir="ltr" />
          </SimpleGrid>
          <PayloadText
            {...common}
            path="organisation.supervisingNia"
            hintKey="registry.hint.supervisingNia"
            dir="ltr"
            autoCapitalize="characters"
            spellCheck={false}
          />
        </>
      ) : null}
    </Stack>
  );
}
