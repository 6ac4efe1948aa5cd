import type { Registration } from '@hirfa/contracts';
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { BilingualName } from '../bilingual-name.tsx';
import { reasonText } from './reason-text.ts';
import { PersonName } from './person-name.tsx';
import { useActivityIndex, useChamberIndex, useProvinceOptions } from './reference-labels.ts';
import { RegistrationStatusBadge } from './state-badge.tsx';

export function ActivityName({ code }: { code: string | null | undefined }) {
  const activity = useActivityIndex().byCode.get(code ?? '');
  if (!code) return <span>—</span>;
  return (
    <span>
      {activity ? <BilingualName item={activity} /> : null} <span className="mono">{code}</span>
    </span>
  );
}

export function ProvinceName({ code }: { code: string | null | undefined }) {
  const province = useProvinceOptions().byCode.get(code ?? '');
  if (!code) return <span>—</span>;
  return province ? <BilingualName item={province} /> : <span className="mono">{code}</span>;
}

export function ChamberName({ code }: { code: string | null | undefined }) {
  const chamber = useChamberIndex().byCode.get(code ?? '');
  if (!code) return <span>—</span>;
  return chamber ? <BilingualName item={chamber} /> : <span className="mono">{code}</span>;
}

/** A label/value table, two columns, that stays readable on a phone. */
export function FactTable({
  rows,
  testId,
}: {
  rows: { label: string; value: ReactNode; testId?: string }[];
  testId?: string;
}) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders data-testid={testId}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th w="38%">{row.label}</Table.Th>
            <Table.Td data-testid={row.testId}>{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The register entry as its holder and the chamber see it: NIA first, then status and activities. */
export function RegistrationSummary({
  registration,
  headingLevel = 2,
}: {
  registration: Registration;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const r = registration;
  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('registry.entry.nia')}
        </Text>
        <Title order={headingLevel} className="mono" fz={{ base: 28, sm: 34 }} data-testid="entry-nia">
          {r.nia}
        </Title>
      </Stack>
      <Group gap="sm">
        <RegistrationStatusBadge status={r.status} size="lg" testId="entry-status" />
        <Text size="sm">{t(`registry.kind.${r.kind}`)}</Text>
      </Group>
      {r.status !== 'active' && (r.statusReason || r.suspendedUntil) ? (
        <Stack gap={0}>
          {r.statusReason ? (
            <Text size="sm" dir="auto">
              {t('registry.entry.reason', { reason: reasonText(r.statusReason, t) })}
            </Text>
          ) : null}
          {r.suspendedUntil ? (
            <Text size="sm">
              {t('registry.entry.until', { date: formatDateTime(r.suspendedUntil, locale, false) })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <FactTable
        rows={[
          {
            label: t('registry.entry.name'),
            value: <PersonName nameAr={r.nameAr} nameLatn={r.nameLatn} strong />,
          },
          { label: t('registry.entry.primary'), value: <ActivityName code={r.primaryActivityCode} /> },
          ...(r.secondaryActivityCodes.length > 0
            ? [
                {
                  label: t('registry.entry.secondary'),
                  value: (
                    <Stack gap={2}>
                      {r.secondaryActivityCodes.map((code) => (
                        <ActivityName key={code} code={code} />
                      ))}
                    </Stack>
                  ),
                },
              ]
            : []),
          { label: t('registry.entry.workshop'), value: <ProvinceName code={r.workshopProvinceCode} /> },
          ...(r.workshopAddressAr || r.workshopAddressFr
            ? [
                {
                  label: t('registry.entry.workshopAddress'),
                  value: (
                    <Stack gap={2}>
                      {r.workshopAddressAr ? (
                        <div>
                          <bdi lang="ar">{r.workshopAddressAr}</bdi>
                        </div>
                      ) : null}
                      {r.workshopAddressFr ? (
                        <div>
                          <bdi lang="fr">{r.workshopAddressFr}</bdi>
                        </div>
                      ) : null}
                    </Stack>
                  ),
                },
              ]
            : []),
          { label: t('registry.entry.chamber'), value: <ChamberName code={r.chamberCode} /> },
          {
            label: t('registry.entry.registeredAt'),
            value: <time dateTime={r.registeredAt}>{formatDateTime(r.registeredAt, locale, false)}</time>,
          },
        ]}
      />
    </Stack>
  );
}
