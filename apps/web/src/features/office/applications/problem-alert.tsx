import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldProblem } from '../../../components/application-form/field-label.ts';
import { errorMessage } from '../../../components/error-message.ts';
import { ApiError } from '../../../lib/api.ts';

/**
 * What the server refused, and what to do: reload when the file moved on (what was typed stays),
 * or the list of fields to complete.
 */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const stale = error instanceof ApiError && /_STALE$/.test(error.code);
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert
      color={stale ? 'orange' : 'red'}
      role="alert"
      icon={stale ? <IconRefresh aria-hidden="true" /> : <IconAlertTriangle aria-hidden="true" />}
      data-testid={stale ? 'problem-stale' : 'problem'}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {fields.length > 0 ? (
          <List size="sm" spacing={2}>
            {fields.map((item) => (
              <List.Item key={`${item.path}-${item.code}`}>
                {fieldProblem(item.path.replace(/^payload\./, ''), item.message, t)}
              </List.Item>
            ))}
          </List>
        ) : null}
        {stale && onReload ? (
          <Button size="xs" variant="outline" color="orange" onClick={onReload} data-testid="reload">
            {t('office.application.reload')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
