import type { ApplicationPayload, RegistrantKind } from '@hirfa/contracts';
import { Alert, Button, Container, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { initialPayload, problemErrors, setIn } from '../../../components/application-form/payload.ts';
import type { SectionProps } from '../../../components/application-form/section-props.ts';
import { usePageTitle } from '../../../components/page-title.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { Intent } from '../../../components/registry/intent.ts';
import {
  createApplication,
  storeApplication,
  useApplication,
} from '../../../components/registry/registry.api.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { useSession } from '../../../lib/session.ts';
import { CounterEditForm } from './counter-edit-form.tsx';
import { CounterSections } from './counter-sections.tsx';
import { KEY } from './keys.ts';
import { ProblemAlert } from './problem-alert.tsx';

function Header({ editing, fileNumber }: { editing: boolean; fileNumber?: string }) {
  const { t } = useTranslation();
  const title = editing
    ? t('office.counter.editTitle', { number: fileNumber ?? '' })
    : t('office.counter.title');
  usePageTitle(title);
  return (
    <Stack gap={4}>
      <Title order={1}>{title}</Title>
      <Text c="dimmed">{t('office.counter.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('office.counter.keys')} <Kbd>{KEY.ctrl}</Kbd> + <Kbd>{KEY.s}</Kbd>
      </Text>
    </Stack>
  );
}

/** A new file at the counter: nothing exists until the agent saves it once. */
export function CounterNewPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const navigate = useNavigate();
  const user = useSession().data?.user;
  const [kind, setKind] = useState<RegistrantKind>('artisan');
  const [payload, setPayload] = useState<ApplicationPayload>(() => initialPayload('artisan', {}));
  const [error, setError] = useState<unknown>(null);
  const [missingProvince, setMissingProvince] = useState(false);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const intent = useRef(new Intent());

  async function create(): Promise<void> {
    const province = payload.workshop.provinceCode;
    setMissingProvince(!province);
    if (!province || busy) return;
    setBusy(true);
    setError(null);
    const body = { kind, workshopProvinceCode: province, payload, locale };
    try {
      const created = await intent.current.run(body, (idempotencyKey) =>
        createApplication({ ...body, idempotencyKey }),
      );
      storeApplication(client, locale, created);
      void navigate(`/office/applications/${created.id}/edit`, { replace: true, state: { created: true } });
    } catch (caught) {
      setError(caught);
      setTouched(new Set());
    } finally {
      setBusy(false);
    }
  }
  useHotkeys([['mod+S', () => void create()]], []);

  const errors: Record<string, string> = problemErrors(error);
  if (missingProvince) errors['workshop.provinceCode'] = t('portal.apply.workshop.required');
  for (const path of touched) delete errors[path];
  const props: SectionProps = {
    payload,
    kind,
    errors,
    onChange: (path, value) => {
      setPayload((current) => setIn(current, path, value));
      setTouched((current) => new Set(current).add(path));
      if (path === 'workshop.provinceCode') setMissingProvince(false);
    },
    size: 'sm',
  };

  return (
    <Container size="md" px={0}>
      <Stack gap="lg">
        <Header editing={false} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
          noValidate
          data-testid="counter-form"
        >
          <Stack gap="md">
            <CounterSections
              props={props}
              chamberCode={user?.chamberCode ?? null}
              onKind={(next) => {
                setKind(next);
                setPayload((current) => ({
                  ...current,
                  qualification: next === 'master_artisan' ? { basis: 'recognition_attestation' } : {},
                }));
              }}
              kindLocked={false}
            />
            <Alert color="gray" variant="light">
              {t('office.counter.documentsAfterSave')}
            </Alert>
            <ProblemAlert error={error} />
            <Group>
              <Button
                type="submit"
                loading={busy}
                leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
                data-testid="counter-save"
              >
                {t('office.counter.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}

/** An existing file the agent may still complete: the same screen, with the pieces and the sending. */
export function CounterEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useApplication(id);
  return (
    <QueryState query={query}>
      {(detail) =>
        detail.canEdit && detail.availableActions.length > 0 ? (
          <Container size="md" px={0}>
            <Stack gap="lg">
              <Header editing fileNumber={detail.fileNumber} />
              <CounterEditForm detail={detail} />
            </Stack>
          </Container>
        ) : (
          <Alert color="gray" data-testid="counter-closed">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('office.counter.closed')}</Text>
              <Button component={Link} to={`/office/applications/${detail.id}`} size="xs" variant="light">
                {t('office.receipt.open')}
              </Button>
            </Stack>
          </Alert>
        )
      }
    </QueryState>
  );
}
