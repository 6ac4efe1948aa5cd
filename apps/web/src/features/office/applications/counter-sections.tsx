import type { RegistrantKind } from '@hirfa/contracts';
import { Card, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityFields } from '../../../components/application-form/activity-fields.tsx';
import { ContactFields } from '../../../components/application-form/contact-fields.tsx';
import { IdentityFields } from '../../../components/application-form/identity-fields.tsx';
import { OrganisationFields } from '../../../components/application-form/organisation-fields.tsx';
import { QualificationFields } from '../../../components/application-form/qualification-fields.tsx';
import type { SectionProps } from '../../../components/application-form/section-props.ts';
import { WorkshopAddressFields } from '../../../components/application-form/workshop-address-fields.tsx';
import { useChamberIndex, useProvinceOptions } from '../../../components/registry/reference-labels.ts';
import { isHolderKind, KINDS } from '../../../components/registry/registry.constants.ts';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby={`counter-${id}`}
      data-testid={`counter-${id}`}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={`counter-${id}`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * Every part of the application on one screen, in the order the agent reads the CIN and the
 * papers: dense, native inputs, Tab from one to the next.
 */
export function CounterSections({
  props,
  chamberCode,
  onKind,
  kindLocked,
}: {
  props: SectionProps;
  chamberCode: string | null;
  onKind: (kind: RegistrantKind) => void;
  kindLocked: boolean;
}) {
  const { t } = useTranslation();
  const chambers = useChamberIndex();
  const region = chamberCode ? (chambers.byCode.get(chamberCode)?.regionCode ?? undefined) : undefined;
  const provinces = useProvinceOptions(region);
  const { payload, kind, errors, onChange } = props;

  return (
    <Stack gap="md">
      <Section id="kind" title={t('office.counter.kindAndPlace')}>
        <Stack gap={4}>
          <Text size="sm" fw={600} id="counter-kind-label">
            {t('office.counter.kind')}
          </Text>
          <SegmentedControl
            data-testid="counter-kind"
            aria-labelledby="counter-kind-label"
            value={kind}
            onChange={(value) => {
              const next = KINDS.find((k) => k === value);
              if (next) onKind(next);
            }}
            data={KINDS.map((k) => ({ value: k, label: t(`registry.kind.${k}`) }))}
            disabled={kindLocked}
            fullWidth
          />
          {kindLocked ? (
            <Text size="xs" c="dimmed">
              {t('office.counter.kindLocked')}
            </Text>
          ) : null}
        </Stack>
        <Select
          data-testid="field-workshop.provinceCode"
          label={t('registry.field.workshop.provinceCode')}
          description={t('office.counter.provinceHint')}
          data={provinces.options}
          value={payload.workshop.provinceCode ?? null}
          onChange={(value) => onChange('workshop.provinceCode', value)}
          error={errors['workshop.provinceCode'] ?? errors.workshopProvinceCode}
          searchable
          nothingFoundMessage={t('registry.field.noMatch')}
          size="sm"
          maw={420}
        />
        <WorkshopAddressFields {...props} />
      </Section>

      <Section
        id="identity"
        title={isHolderKind(kind) ? t('portal.apply.sections.identity') : t('office.counter.representative')}
      >
        <Text size="sm" c="dimmed">
          {t('portal.apply.identity.intro')}
        </Text>
        <IdentityFields {...props} />
      </Section>

      <Section id="contact" title={t('portal.apply.sections.contact')}>
        <ContactFields {...props} phoneHintKey="office.counter.phoneHint" />
      </Section>

      <Section id="activity" title={t('portal.apply.sections.activity')}>
        <ActivityFields {...props} picker="select" />
      </Section>

      {isHolderKind(kind) ? (
        <Section id="qualification" title={t('portal.apply.sections.qualification')}>
          <QualificationFields {...props} />
        </Section>
      ) : (
        <Section id="organisation" title={t('portal.apply.sections.organisation')}>
          <OrganisationFields {...props} />
        </Section>
      )}
    </Stack>
  );
}
