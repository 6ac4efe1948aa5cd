import type { ApplicationDetail } from '@hirfa/contracts';
import { Alert, Anchor, Blockquote, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { IconMessageQuestion, IconPencil, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldLabel } from '../../components/application-form/field-label.ts';
import { failuresBySection, problemErrors } from '../../components/application-form/payload.ts';
import { errorMessage } from '../../components/error-message.ts';
import { DocumentsPanel } from '../../components/registry/documents-panel.tsx';
import { Intent } from '../../components/registry/intent.ts';
import { actOnApplication, storeApplication } from '../../components/registry/registry.api.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ApiError } from '../../lib/api.ts';
import classes from './file-answer.module.css';
import { ink } from '../../components/registry/ink.ts';

/**
 * The chamber sent the file back: its message first, then the three things the artisan can do —
 * send the piece asked for, correct the form, and send the file again.
 */
export function FileAnswer({ detail, onChanged }: { detail: ApplicationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const intent = useRef(new Intent());
  const failures = error ? failuresBySection(detail, problemErrors(error)) : [];

  async function resubmit(): Promise<void> {
    setBusy(true);
    setError(null);
    const body = { type: 'resubmit' as const, version: detail.version };
    try {
      const sent = await intent.current.run(body, (idempotencyKey) =>
        actOnApplication(detail.id, { ...body, idempotencyKey }),
      );
      storeApplication(client, locale, sent);
      void navigate('.', { replace: true, state: { sent: true } });
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      className={classes.card}
      component="section"
      aria-labelledby="file-request-title"
    >
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={2} size="h3" id="file-request-title">
            <IconMessageQuestion size={24} aria-hidden="true" className={classes.icon} />{' '}
            {t('portal.file.request')}
          </Title>
          <Blockquote color="orange" p="sm" m={0} data-testid="file-request">
            <Text size="lg" dir="auto" className={classes.message}>
              {detail.lastRequest ?? t('portal.file.requestNone')}
            </Text>
          </Blockquote>
        </Stack>

        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('portal.file.answer1')}
          </Title>
          <DocumentsPanel detail={detail} editable onUploaded={onChanged} preview="thumb" size="lg" />
        </Stack>

        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('portal.file.answer2')}
          </Title>
          <Button
            component={Link}
            to={`/portal/apply/${detail.id}/identity`}
            variant="default"
            size="lg"
            leftSection={<IconPencil size={20} aria-hidden="true" />}
            data-testid="file-correct"
          >
            {t('portal.file.correct')}
          </Button>
        </Stack>

        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('portal.file.answer3')}
          </Title>
          {failures.length > 0 ? (
            <Alert
              color="orange"
              role="alert"
              title={t('portal.apply.review.toFix')}
              styles={{ title: { color: ink('orange') } }}
              data-testid="file-failures"
            >
              <List size="sm" spacing={4}>
                {failures.flatMap(({ section, items }) =>
                  items.map((item) => (
                    <List.Item key={item.path}>
                      <Anchor component={Link} to={`/portal/apply/${detail.id}/${section}`}>
                        {fieldLabel(item.path, t) || t(`portal.apply.sections.${section}`)}
                      </Anchor>{' '}
                      — {item.message}
                    </List.Item>
                  )),
                )}
              </List>
            </Alert>
          ) : error ? (
            <Alert color="red" role="alert">
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          <Button
            size="lg"
            onClick={() => void resubmit()}
            loading={busy}
            leftSection={<IconSend size={20} aria-hidden="true" />}
            data-testid="file-resubmit"
          >
            {t('portal.file.resubmit')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}
