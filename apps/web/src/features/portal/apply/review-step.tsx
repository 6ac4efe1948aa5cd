import type { ApplicationDetail } from '@hirfa/contracts';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldProblem } from '../../../components/application-form/field-label.ts';
import {
  type SectionId,
  failuresBySection,
  problemErrors,
  sectionsFor,
} from '../../../components/application-form/payload.ts';
import { SectionSummary } from '../../../components/application-form/payload-summary.tsx';
import { Intent } from '../../../components/registry/intent.ts';
import {
  actOnApplication,
  applicationKeys,
  storeApplication,
} from '../../../components/registry/registry.api.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { ApiError } from '../../../lib/api.ts';
import type { Draft } from '../../../components/application-form/use-draft.ts';
import { type StepFrame, WizardFrame } from './wizard-frame.tsx';
import { ink } from '../../../components/registry/ink.ts';

/**
 * Everything at a glance before sending: what still blocks (each point links to its screen), the
 * answers section by section, and the button that sends the file to the chamber.
 */
export function ReviewStep({
  frame,
  detail,
  draft,
  onFix,
}: {
  frame: StepFrame;
  detail: ApplicationDetail;
  draft: Draft;
  onFix: (section: SectionId) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const intent = useRef(new Intent());
  const resubmit = !detail.availableActions.includes('submit');
  const failures = failuresBySection(detail, problemErrors(error));

  async function send(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const saved = await draft.save();
      if (!saved) return;
      const body = { type: resubmit ? ('resubmit' as const) : ('submit' as const), version: saved.version };
      const sent = await intent.current.run(body, (idempotencyKey) =>
        actOnApplication(saved.id, { ...body, idempotencyKey }),
      );
      storeApplication(client, locale, sent);
      void navigate(`/portal/files/${sent.id}`, { state: { sent: true } });
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError)
        void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) });
    } finally {
      setBusy(false);
    }
  }

  const blocking = error instanceof ApiError && error.code === 'APPLICATION_INCOMPLETE_FOR_SUBMISSION';

  return (
    <WizardFrame
      {...frame}
      title={t('portal.apply.review.title')}
      intro={t('portal.apply.review.intro')}
      onNext={() => void send()}
      nextLabel={resubmit ? t('portal.apply.review.resubmit') : t('portal.apply.review.submit')}
      nextTestId="apply-submit"
      busy={busy || frame.busy}
      error={blocking ? null : (error ?? frame.error)}
      footer={
        <Text size="sm" c="dimmed">
          {t('portal.apply.review.declaration')}
        </Text>
      }
    >
      <Stack gap="lg">
        {failures.length > 0 ? (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('portal.apply.review.toFix')}
            styles={{ title: { color: ink('orange') } }}
            data-testid="review-failures"
            role={blocking ? 'alert' : undefined}
          >
            <Stack gap="sm">
              {failures.map(({ section, items }) => (
                <Stack key={section} gap={4} align="flex-start">
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    onClick={() => onFix(section)}
                    data-testid={`review-fix-${section}`}
                  >
                    {t(`portal.apply.sections.${section}`)}
                  </Anchor>
                  <List size="sm" spacing={2}>
                    {items.map((item) => (
                      <List.Item key={item.path}>{fieldProblem(item.path, item.message, t)}</List.Item>
                    ))}
                  </List>
                </Stack>
              ))}
            </Stack>
          </Alert>
        ) : (
          <Alert color="green" icon={<IconCircleCheck aria-hidden="true" />} data-testid="review-ready">
            {t('portal.apply.review.ready')}
          </Alert>
        )}

        {sectionsFor(detail.kind).map((section) => (
          <Card
            key={section}
            withBorder
            padding="md"
            radius="md"
            component="section"
            aria-labelledby={`review-${section}`}
          >
            <Stack gap="xs">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Title order={2} size="h4" id={`review-${section}`}>
                  {t(`portal.apply.sections.${section}`)}
                </Title>
                <Button
                  variant="subtle"
                  size="sm"
                  leftSection={<IconPencil size={16} aria-hidden="true" />}
                  onClick={() => onFix(section)}
                  aria-label={t('portal.apply.review.changeSection', {
                    section: t(`portal.apply.sections.${section}`),
                  })}
                >
                  {t('portal.apply.review.change')}
                </Button>
              </Group>
              <SectionSummary section={section} payload={draft.payload} detail={detail} />
            </Stack>
          </Card>
        ))}
      </Stack>
    </WizardFrame>
  );
}
