import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BilingualName } from '../../../components/bilingual-name.tsx';
import { ChoiceCards } from '../../../components/application-form/choice-cards.tsx';
import { PageLoader } from '../../../components/query-state.tsx';
import { useProvinces, useRegions } from '../../reference/reference.api.ts';

/**
 * Where the workshop is: the region first (12 choices), then its provinces. The province decides
 * the chamber that will handle the file.
 */
export function WorkshopPlace({
  region,
  province,
  onRegion,
  onProvince,
  lockRegion = false,
  error,
}: {
  region: string | null;
  province: string | null;
  onRegion: (code: string | null) => void;
  onProvince: (code: string) => void;
  lockRegion?: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const regions = useRegions();
  const provinces = useProvinces(region ?? undefined);
  const chosenRegion = regions.data?.find((r) => r.code === region);

  if (regions.isPending) return <PageLoader />;

  if (!region) {
    return (
      <ChoiceCards
        label={t('portal.apply.workshop.region')}
        testId="apply-region"
        value={null}
        onChange={onRegion}
        choices={(regions.data ?? []).map((r) => ({
          value: r.code,
          title: <BilingualName item={r} />,
          testId: `apply-region-${r.code}`,
        }))}
      />
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" data-testid="apply-region-chosen">
        <Text>
          {t('portal.apply.workshop.regionChosen')}{' '}
          {chosenRegion ? <BilingualName item={chosenRegion} strong /> : null}
        </Text>
        {lockRegion ? null : (
          <Button variant="subtle" size="sm" onClick={() => onRegion(null)} data-testid="apply-region-change">
            {t('portal.apply.workshop.changeRegion')}
          </Button>
        )}
      </Group>
      {provinces.isPending ? (
        <PageLoader />
      ) : (
        <ChoiceCards
          label={t('portal.apply.workshop.province')}
          testId="apply-province"
          value={province}
          onChange={onProvince}
          error={error}
          choices={(provinces.data ?? []).map((p) => ({
            value: p.code,
            title: <BilingualName item={p} />,
            description: t(`reference.provinces.types.${p.type}`),
            testId: `apply-province-${p.code}`,
          }))}
        />
      )}
      {lockRegion ? (
        <Text size="sm" c="dimmed">
          {t('portal.apply.workshop.regionLocked')}
        </Text>
      ) : null}
    </Stack>
  );
}
