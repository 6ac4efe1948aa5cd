import type { ApplicationDetail } from '@hirfa/contracts';
import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCopy, IconLink, IconUserCheck, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageLoader } from '../../../components/query-state.tsx';
import { PersonName } from '../../../components/registry/person-name.tsx';
import {
  applicationKeys,
  type DuplicateCandidate,
  type DuplicateDecision,
  decideDuplicate,
  useDuplicates,
} from '../../../components/registry/registry.api.ts';
import { ChamberName } from '../../../components/registry/registration-view.tsx';
import { formatDateTime, formatNumber } from '../../../i18n/format.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { ProblemAlert } from './problem-alert.tsx';
import { BUTTON_COLOR, ink } from '../../../components/registry/ink.ts';

const DECISIONS: readonly { value: DuplicateDecision; icon: typeof IconX; color: string }[] = [
  { value: 'not_duplicate', icon: IconUserCheck, color: BUTTON_COLOR.go },
  { value: 'duplicate_reject', icon: IconX, color: BUTTON_COLOR.stop },
  { value: 'duplicate_link', icon: IconLink, color: '#1864ab' },
];

function Candidate({
  detail,
  candidate,
  canDecide,
}: {
  detail: ApplicationDetail;
  candidate: DuplicateCandidate;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<DuplicateDecision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sent = useRef(false);
  const c = candidate;
  const link = c.source === 'registration' ? `/office/registrations/${c.id}` : `/office/applications/${c.id}`;

  async function decide(decision: DuplicateDecision): Promise<void> {
    setBusy(decision);
    setError(null);
    try {
      const list = await decideDuplicate(detail.id, {
        source: c.source,
        candidateId: c.id,
        decision,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      sent.current = true;
      client.setQueryData(applicationKeys.duplicates(detail.id), list);
      void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card withBorder padding="sm" radius="md" data-testid={`dup-${c.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Anchor component={Link} to={link} className="mono" fw={600}>
              {c.label}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`office.duplicates.source.${c.source}`)}
            </Text>
          </Group>
          <Badge
            variant="light"
            color="gray"
            styles={{ root: { textTransform: 'none', color: 'var(--mantine-color-gray-9)' } }}
          >
            {t('office.duplicates.score', { score: formatNumber(Math.round(c.score * 100), locale) })}
          </Badge>
        </Group>
        <PersonName nameAr={c.nameAr} nameLatn={c.nameLatn} strong />
        <Text size="sm">
          {c.cin ? (
            <>
              {t('registry.field.person.cin')} <span className="mono">{c.cin}</span> ·{' '}
            </>
          ) : null}
          {c.birthDate
            ? `${t('registry.field.person.birthDate')} ${formatDateTime(`${c.birthDate}T12:00:00Z`, locale, false)} · `
            : ''}
          <ChamberName code={c.chamberCode} /> ·{' '}
          {c.source === 'registration'
            ? t(`registry.status.${c.status}`, { defaultValue: c.status })
            : t(`registry.state.${c.status}`, { defaultValue: c.status })}
        </Text>
        <Group gap={6}>
          {c.reasons.map((reason) => (
            <Badge
              key={reason}
              variant="outline"
              color="orange"
              size="sm"
              styles={{ root: { textTransform: 'none', color: ink('orange') } }}
            >
              {t(`office.duplicates.reason.${reason}`)}
            </Badge>
          ))}
        </Group>
        {c.decision ? (
          <Text size="sm" fw={600} data-testid={`dup-decision-${c.id}`}>
            {t('office.duplicates.decided', { decision: t(`office.duplicates.decision.${c.decision}`) })}
          </Text>
        ) : (
          <Text size="sm" c={ink('orange')} fw={600}>
            {t('office.duplicates.undecided')}
          </Text>
        )}
        {canDecide ? (
          <Stack gap="xs">
            <TextInput
              data-testid={`dup-note-${c.id}`}
              label={t('office.duplicates.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={1000}
              dir="auto"
              size="sm"
            />
            <Group gap="xs">
              {DECISIONS.filter((d) => d.value !== 'duplicate_link' || c.source === 'registration').map(
                (d) => {
                  const Icon = d.icon;
                  return (
                    <Button
                      key={d.value}
                      size="xs"
                      variant={c.decision === d.value ? 'filled' : 'light'}
                      color={d.color}
                      leftSection={<Icon size={14} aria-hidden="true" />}
                      loading={busy === d.value}
                      onClick={() => void decide(d.value)}
                      data-testid={`dup-${d.value}-${c.id}`}
                      aria-pressed={c.decision === d.value}
                    >
                      {t(`office.duplicates.decision.${d.value}`)}
                    </Button>
                  );
                },
              )}
            </Group>
          </Stack>
        ) : null}
        <ProblemAlert error={error} />
      </Stack>
    </Card>
  );
}

/** Entries and files that may be the same person: nothing is merged without the agent's decision. */
export function DuplicatesPanel({ detail, canDecide }: { detail: ApplicationDetail; canDecide: boolean }) {
  const { t } = useTranslation();
  const query = useDuplicates(detail.id);
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="dup-title"
      data-testid="duplicates"
    >
      <Stack gap="sm">
        <Group gap="xs">
          <IconCopy size={20} aria-hidden="true" />
          <Title order={2} size="h4" id="dup-title">
            {t('office.duplicates.title')}
          </Title>
        </Group>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="dup-none">
            {t('office.duplicates.none')}
          </Text>
        ) : (
          query.data.map((candidate) => (
            <Candidate
              key={`${candidate.source}-${candidate.id}`}
              detail={detail}
              candidate={candidate}
              canDecide={canDecide}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}
