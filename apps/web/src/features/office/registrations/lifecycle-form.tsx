import type { LifecycleAction, Registration } from '@hirfa/contracts';
import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Intent } from '../../../components/registry/intent.ts';
import { useProvinceOptions } from '../../../components/registry/reference-labels.ts';
import { changeRegistration, registrationKeys } from '../../../components/registry/registry.api.ts';
import { RADIATION_REASONS, type RadiationReason } from '../../../components/registry/registry.constants.ts';
import { notifyDone } from '../../../components/registry/notify.ts';
import { ProblemAlert } from '../applications/problem-alert.tsx';
import { BUTTON_COLOR } from '../../../components/registry/ink.ts';

type Action = LifecycleAction['action'];

/** What may be done to an entry, by its status (the server refuses the rest too). */
const ALLOWED: Record<Registration['status'], readonly Action[]> = {
  active: ['modify', 'suspend', 'transfer', 'radiate'],
  suspended: ['lift_suspension', 'modify', 'transfer', 'radiate'],
  radiated: ['reinstate'],
};

interface Fields {
  reason: string;
  until: string;
  radiation: RadiationReason | null;
  note: string;
  province: string | null;
  phone: string;
  email: string;
  addressAr: string;
  addressFr: string;
  workshopAddressAr: string;
  workshopAddressFr: string;
}

type BodyOf = { [K in Action]: Extract<LifecycleAction, { action: K }> };

function bodyFor(
  action: Action,
  f: Fields,
  r: Registration,
): Omit<LifecycleAction, 'version' | 'idempotencyKey'> | null {
  const text = (value: string) => value.trim() || undefined;
  switch (action) {
    case 'suspend':
      return { action, reason: f.reason.trim(), ...(f.until ? { until: f.until } : {}) } as BodyOf['suspend'];
    case 'lift_suspension':
      return { action, ...(text(f.reason) ? { reason: f.reason.trim() } : {}) } as BodyOf['lift_suspension'];
    case 'radiate':
      return f.radiation
        ? ({
            action,
            reason: f.radiation,
            ...(text(f.note) ? { note: f.note.trim() } : {}),
          } as BodyOf['radiate'])
        : null;
    case 'reinstate':
      return { action, reason: f.reason.trim() } as BodyOf['reinstate'];
    case 'transfer':
      return f.province
        ? ({
            action,
            workshopProvinceCode: f.province,
            ...(text(f.workshopAddressAr) ? { workshopAddressAr: f.workshopAddressAr.trim() } : {}),
            ...(text(f.workshopAddressFr) ? { workshopAddressFr: f.workshopAddressFr.trim() } : {}),
            ...(text(f.reason) ? { reason: f.reason.trim() } : {}),
          } as BodyOf['transfer'])
        : null;
    case 'modify': {
      // Contact fields left empty are kept as they are; workshop addresses start from the entry.
      const changed = (value: string, before: string | null) => value.trim() !== (before ?? '');
      return {
        action,
        ...(text(f.phone) ? { phone: f.phone.trim() } : {}),
        ...(text(f.email) ? { email: f.email.trim() } : {}),
        ...(text(f.addressAr) ? { addressAr: f.addressAr.trim() } : {}),
        ...(text(f.addressFr) ? { addressFr: f.addressFr.trim() } : {}),
        ...(changed(f.workshopAddressAr, r.workshopAddressAr)
          ? { workshopAddressAr: f.workshopAddressAr.trim() }
          : {}),
        ...(changed(f.workshopAddressFr, r.workshopAddressFr)
          ? { workshopAddressFr: f.workshopAddressFr.trim() }
          : {}),
        ...(text(f.reason) ? { reason: f.reason.trim() } : {}),
      } as BodyOf['modify'];
    }
  }
}

export function LifecycleForm({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const provinces = useProvinceOptions();
  const allowed = ALLOWED[registration.status];
  const [action, setAction] = useState<Action>(allowed[0] ?? 'modify');
  const [fields, setFields] = useState<Fields>({
    reason: '',
    until: '',
    radiation: null,
    note: '',
    province: null,
    phone: '',
    email: '',
    addressAr: '',
    addressFr: '',
    workshopAddressAr: registration.workshopAddressAr ?? '',
    workshopAddressFr: registration.workshopAddressFr ?? '',
  });
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const intent = useRef(new Intent());
  const current = allowed.includes(action) ? action : (allowed[0] ?? 'modify');
  const set = (name: keyof Fields) => (value: string | null) =>
    setFields((f) => ({ ...f, [name]: value ?? '' }));

  async function submit(): Promise<void> {
    const body = bodyFor(current, fields, registration);
    const reasonNeeded = current === 'suspend' || current === 'reinstate';
    if (!body || (reasonNeeded && fields.reason.trim().length < 3)) {
      setMissing(t(`office.lifecycle.${current}.missing`));
      return;
    }
    setMissing(null);
    setBusy(true);
    setError(null);
    const full = { ...body, version: registration.version } as Omit<LifecycleAction, 'idempotencyKey'>;
    try {
      const updated = await intent.current.run(full, (idempotencyKey) =>
        changeRegistration(registration.id, { ...full, idempotencyKey } as LifecycleAction),
      );
      client.setQueryData(registrationKeys.one(registration.id), updated);
      notifyDone(t('office.lifecycle.done'));
      setFields((f) => ({ ...f, reason: '', note: '', until: '' }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  // Suspending and reinstating are about their reason; for the others it is a note after the change.
  const reasonFirst = current === 'suspend' || current === 'reinstate';
  const reasonField = (
    <Textarea
      data-testid="lifecycle-reason"
      label={t(`office.lifecycle.${current}.reason`)}
      value={fields.reason}
      onChange={(e) => set('reason')(e.currentTarget.value)}
      error={missing && (current === 'suspend' || current === 'reinstate') ? missing : undefined}
      required={current === 'suspend' || current === 'reinstate'}
      maxLength={500}
      autosize
      minRows={2}
      dir="auto"
    />
  );
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="lifecycle-title"
      data-testid="lifecycle"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="lifecycle-title">
            {t('office.lifecycle.title')}
          </Title>
          {/* Toggle buttons rather than a segmented control: the names are long and must wrap. */}
          <Group gap="xs" role="group" aria-labelledby="lifecycle-title" data-testid="lifecycle-action">
            {allowed.map((a) => (
              <Button
                key={a}
                size="xs"
                variant={a === current ? 'filled' : 'default'}
                aria-pressed={a === current}
                onClick={() => {
                  setAction(a);
                  setMissing(null);
                  setError(null);
                }}
                data-testid={`lifecycle-${a}`}
              >
                {t(`office.lifecycle.${a}.label`)}
              </Button>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            {t(`office.lifecycle.${current}.hint`)}
          </Text>

          {current === 'radiate' ? (
            <>
              <Select
                data-testid="lifecycle-radiation"
                label={t('office.lifecycle.radiate.reason')}
                data={RADIATION_REASONS.map((r) => ({ value: r, label: t(`registry.radiation.${r}`) }))}
                value={fields.radiation}
                onChange={(value) =>
                  setFields((f) => ({ ...f, radiation: RADIATION_REASONS.find((r) => r === value) ?? null }))
                }
                error={missing && !fields.radiation ? missing : undefined}
                required
              />
              <Textarea
                data-testid="lifecycle-note"
                label={t('office.lifecycle.radiate.note')}
                value={fields.note}
                onChange={(e) => set('note')(e.currentTarget.value)}
                maxLength={500}
                autosize
                minRows={2}
                dir="auto"
              />
            </>
          ) : null}
          {reasonFirst ? reasonField : null}

          {current === 'suspend' ? (
            <TextInput
              data-testid="lifecycle-until"
              type="date"
              label={t('office.lifecycle.suspend.until')}
              description={t('office.lifecycle.suspend.untilHint')}
              value={fields.until}
              onChange={(e) => set('until')(e.currentTarget.value)}
              dir="ltr"
              w={220}
            />
          ) : null}

          {current === 'transfer' ? (
            <Select
              data-testid="lifecycle-province"
              label={t('office.lifecycle.transfer.province')}
              data={provinces.options.filter((o) => o.value !== registration.workshopProvinceCode)}
              value={fields.province}
              onChange={(value) => setFields((f) => ({ ...f, province: value }))}
              error={missing && !fields.province ? missing : undefined}
              searchable
              required
              nothingFoundMessage={t('registry.field.noMatch')}
            />
          ) : null}

          {current === 'modify' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                data-testid="lifecycle-phone"
                type="tel"
                label={t('office.lifecycle.modify.phone')}
                value={fields.phone}
                onChange={(e) => set('phone')(e.currentTarget.value)}
                dir="ltr"
              />
              <TextInput
                data-testid="lifecycle-email"
                type="email"
                label={t('office.lifecycle.modify.email')}
                value={fields.email}
                onChange={(e) => set('email')(e.currentTarget.value)}
                dir="ltr"
              />
              <TextInput
                label={t('registry.field.person.addressAr')}
                value={fields.addressAr}
                onChange={(e) => set('addressAr')(e.currentTarget.value)}
                dir="rtl"
                lang="ar"
              />
              <TextInput
                label={t('registry.field.person.addressFr')}
                value={fields.addressFr}
                onChange={(e) => set('addressFr')(e.currentTarget.value)}
                dir="ltr"
                lang="fr"
              />
            </SimpleGrid>
          ) : null}
          {current === 'modify' || current === 'transfer' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                data-testid="lifecycle-workshop-ar"
                label={t('registry.field.workshop.addressAr')}
                value={fields.workshopAddressAr}
                onChange={(e) => set('workshopAddressAr')(e.currentTarget.value)}
                dir="rtl"
                lang="ar"
              />
              <TextInput
                label={t('registry.field.workshop.addressFr')}
                value={fields.workshopAddressFr}
                onChange={(e) => set('workshopAddressFr')(e.currentTarget.value)}
                dir="ltr"
                lang="fr"
              />
            </SimpleGrid>
          ) : null}
          {current === 'modify' ? (
            <Text size="xs" c="dimmed">
              {t('office.lifecycle.modify.keepHint')}
            </Text>
          ) : null}

          {reasonFirst || current === 'radiate' ? null : reasonField}
          <ProblemAlert
            error={error}
            onReload={() =>
              void client.invalidateQueries({ queryKey: registrationKeys.one(registration.id) })
            }
          />
          <Button
            type="submit"
            loading={busy}
            color={current === 'radiate' || current === 'suspend' ? BUTTON_COLOR.stop : undefined}
            data-testid="lifecycle-submit"
            style={{ alignSelf: 'flex-start' }}
          >
            {t(`office.lifecycle.${current}.confirm`)}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
