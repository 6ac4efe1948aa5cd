import type { ApplicationDetail } from '@hirfa/contracts';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../../components/application-form/section-props.ts';
import { WorkshopAddressFields } from '../../../components/application-form/workshop-address-fields.tsx';
import { useProvinceOptions } from '../../../components/registry/reference-labels.ts';
import { type StepFrame, WizardFrame } from './wizard-frame.tsx';
import { WorkshopPlace } from './workshop-place.tsx';

/**
 * The workshop of an existing file: the province may change within the same region (the chamber
 * stays the same); another region means another chamber, hence a new application.
 */
export function WorkshopStep({
  frame,
  props,
  detail,
}: {
  frame: StepFrame;
  props: SectionProps;
  detail: ApplicationDetail;
}) {
  const { t } = useTranslation();
  const provinces = useProvinceOptions();
  const current = props.payload.workshop.provinceCode ?? detail.provinceCode ?? null;
  const region = provinces.byCode.get(detail.provinceCode ?? current ?? '')?.regionCode ?? null;
  return (
    <WizardFrame {...frame} title={t('portal.apply.workshop.title')} intro={t('portal.apply.workshop.intro')}>
      <Stack gap="lg">
        {region ? (
          <WorkshopPlace
            region={region}
            province={current}
            onRegion={() => undefined}
            onProvince={(code) => props.onChange('workshop.provinceCode', code)}
            lockRegion
            error={props.errors['workshop.provinceCode']}
          />
        ) : null}
        <WorkshopAddressFields {...props} />
      </Stack>
    </WizardFrame>
  );
}
