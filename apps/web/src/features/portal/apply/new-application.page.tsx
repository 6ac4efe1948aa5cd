import type { ApplicationPayload, RegistrantKind } from '@hirfa/contracts';
import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ChoiceCards } from '../../../components/application-form/choice-cards.tsx';
import { initialPayload, setIn } from '../../../components/application-form/payload.ts';
import { WorkshopAddressFields } from '../../../components/application-form/workshop-address-fields.tsx';
import { Intent } from '../../../components/registry/intent.ts';
import { createApplication, storeApplication } from '../../../components/registry/registry.api.ts';
import { KINDS } from '../../../components/registry/registry.constants.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { useSession } from '../../../lib/session.ts';
import { stepPath, stepsFor } from './steps.ts';
import { WizardFrame } from './wizard-frame.tsx';
import { WorkshopPlace } from './workshop-place.tsx';

const isKind = (value: string | null): value is RegistrantKind => KINDS.includes(value as RegistrantKind);

/**
 * The first two questions, before the file exists: what kind of registration, and where the
 * workshop is (the province decides the chamber). The draft is created when both are answered.
 */
export function NewApplicationPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const user = useSession().data?.user;
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : null;
  const step = kind && params.get('step') === 'workshop' ? 'workshop' : 'kind';
  const region = params.get('region');
  const [chosenKind, setChosenKind] = useState<RegistrantKind | null>(kind);
  const [province, setProvince] = useState<string | null>(null);
  const [address, setAddress] = useState<ApplicationPayload>(() => initialPayload('artisan', {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const intent = useRef(new Intent());
  const total = stepsFor(kind ?? 'artisan').length;

  function update(next: Record<string, string | null>): void {
    const copy = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next)) {
      if (value === null) copy.delete(name);
      else copy.set(name, value);
    }
    setParams(copy);
  }

  if (step === 'kind') {
    return (
      <WizardFrame
        step={1}
        total={total}
        title={t('portal.apply.kind.title')}
        intro={t('portal.apply.kind.intro')}
        onBack={() => void navigate('/portal')}
        onNext={() => {
          if (!chosenKind) {
            setErrors({ kind: t('portal.apply.kind.required') });
            return;
          }
          setErrors({});
          update({ kind: chosenKind, step: 'workshop' });
        }}
      >
        <ChoiceCards
          label={t('portal.apply.kind.title')}
          hideLabel
          testId="apply-kind"
          value={chosenKind}
          onChange={(value) => {
            if (isKind(value)) setChosenKind(value);
            setErrors({});
          }}
          error={errors.kind}
          choices={KINDS.map((value) => ({
            value,
            title: t(`registry.kind.${value}`),
            description: t(`portal.apply.kind.explain.${value}`),
            testId: `apply-kind-${value}`,
          }))}
        />
      </WizardFrame>
    );
  }

  async function create(): Promise<void> {
    if (!kind) return;
    if (!province) {
      setErrors({ 'workshop.provinceCode': t('portal.apply.workshop.required') });
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    const payload = {
      ...initialPayload(kind, { phone: user?.phone, email: user?.email }),
      workshop: { ...address.workshop, provinceCode: province },
    };
    const body = { kind, workshopProvinceCode: province, payload, locale };
    try {
      const created = await intent.current.run(body, (idempotencyKey) =>
        createApplication({ ...body, idempotencyKey }),
      );
      storeApplication(client, locale, created);
      void navigate(stepPath(created.id, 'identity'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <WizardFrame
      step={2}
      total={total}
      title={t('portal.apply.workshop.title')}
      intro={t('portal.apply.workshop.intro')}
      onBack={() => update({ step: null, region: null })}
      onNext={() => void create()}
      busy={busy}
      error={error}
    >
      <Stack gap="lg">
        <WorkshopPlace
          region={region}
          province={province}
          onRegion={(code) => {
            setProvince(null);
            update({ region: code });
          }}
          onProvince={setProvince}
          error={errors['workshop.provinceCode']}
        />
        {region ? (
          <WorkshopAddressFields
            payload={address}
            kind={kind ?? 'artisan'}
            errors={{}}
            onChange={(path, value) => setAddress((current) => setIn(current, path, value))}
            size="lg"
          />
        ) : null}
      </Stack>
    </WizardFrame>
  );
}
