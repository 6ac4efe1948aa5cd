import type { ApplicationDetail } from '@hirfa/contracts';
import { Alert, Button, Card, Group, Kbd, List, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCircleCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { fieldProblem } from '../../../components/application-form/field-label.ts';
import { failuresBySection, problemErrors } from '../../../components/application-form/payload.ts';
import type { SectionProps } from '../../../components/application-form/section-props.ts';
import { useDraft } from '../../../components/application-form/use-draft.ts';
import { DocumentsPanel } from '../../../components/registry/documents-panel.tsx';
import { Intent } from '../../../components/registry/intent.ts';
import {
  actOnApplication,
  applicationKeys,
  storeApplication,
} from '../../../components/registry/registry.api.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { ApiError } from '../../../lib/api.ts';
import { CounterSections } from './counter-sections.tsx';
import { KEY } from './keys.ts';
import { ProblemAlert } from './problem-alert.tsx';
import { ink } from '../../../components/registry/ink.ts';

/** The counter form of a saved file: save as often as needed, add the pieces, send, print the receipt. */
export function CounterEditForm({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const draft = useDraft(detail);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const intent = useRef(new Intent());
  const resubmit = !detail.availableActions.includes('submit');
  const errors = draft.errorsFor(true, detail, submitError);
  const failures = failuresBySection(detail, problemErrors(submitError));

  async function send(): Promise<void> {
    if (sending) return;
    setSending(true);
    setSubmitError(null);
    try {
      const saved = await draft.save();
      if (!saved) return;
      const body = { type: resubmit ? ('resubmit' as const) : ('submit' as const), version: saved.version };
      const sent = await intent.current.run(body, (idempotencyKey) =>
        actOnApplication(saved.id, { ...body, idempotencyKey }),
      );
      storeApplication(client, locale, sent);
      void navigate(`/office/applications/${sent.id}/receipt`);
    } catch (caught) {
      setSubmitError(caught);
      if (caught instanceof ApiError)
        void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) });
    } finally {
      setSending(false);
    }
  }

  useHotkeys(
    [
      ['mod+S', () => void draft.save()],
      ['mod+Enter', () => void send()],
    ],
    [],
  );

  const props: SectionProps = {
    payload: draft.payload,
    kind: detail.kind,
    errors,
    onChange: draft.change,
    size: 'sm',
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void draft.save();
      }}
      noValidate
      data-testid="counter-form"
    >
      <Stack gap="md">
        {created ? (
          <Alert
            color="green"
            icon={<IconCircleCheck aria-hidden="true" />}
            role="status"
            data-testid="counter-created"
          >
            {t('office.counter.created', { number: detail.fileNumber })}
          </Alert>
        ) : null}
        <CounterSections props={props} chamberCode={detail.chamberCode} onKind={() => undefined} kindLocked />

        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="counter-documents">
          <Stack gap="sm">
            <Title order={2} size="h4" id="counter-documents">
              {t('portal.apply.sections.documents')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('office.counter.documentsHint')}
            </Text>
            <DocumentsPanel
              detail={detail}
              editable
              errors={errors}
              preview="thumb"
              size="sm"
              onUploaded={() =>
                void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) })
              }
            />
          </Stack>
        </Card>

        {failures.length > 0 ? (
          <Alert
            color="orange"
            title={t('office.counter.toComplete')}
            styles={{ title: { color: ink('orange') } }}
            data-testid="counter-failures"
          >
            <List size="sm" spacing={2}>
              {failures.flatMap(({ items }) =>
                items.map((item) => (
                  <List.Item key={item.path}>{fieldProblem(item.path, item.message, t)}</List.Item>
                )),
              )}
            </List>
          </Alert>
        ) : null}
        <ProblemAlert
          error={draft.error}
          onReload={() => void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) })}
        />
        {submitError &&
        !(submitError instanceof ApiError && submitError.code === 'APPLICATION_INCOMPLETE_FOR_SUBMISSION') ? (
          <ProblemAlert error={submitError} />
        ) : null}

        <Group>
          <Button
            type="submit"
            variant="default"
            loading={draft.saving && !sending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
            data-testid="counter-save"
          >
            {draft.dirty ? t('office.counter.save') : t('office.counter.saved')}
          </Button>
          <Button
            onClick={() => void send()}
            loading={sending}
            leftSection={<IconSend size={18} aria-hidden="true" />}
            data-testid="counter-submit"
          >
            {resubmit ? t('office.counter.resubmit') : t('office.counter.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            <Kbd>{KEY.ctrl}</Kbd> + <Kbd>{KEY.enter}</Kbd>
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
