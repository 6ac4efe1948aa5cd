import { Alert, Button, Container, Progress, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowNarrowLeft,
  IconArrowNarrowRight,
  IconRefresh,
} from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/error-message.ts';
import { usePageTitle } from '../../../components/page-title.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { ApiError } from '../../../lib/api.ts';

/**
 * One screen of the application: where we are (step n of N), one question, the answer, and the
 * way forward. Enter moves on; the heading takes the focus on each new step so it is read out.
 */
export function WizardFrame({
  step,
  total,
  title,
  intro,
  children,
  onNext,
  onBack,
  nextLabel,
  busy = false,
  error,
  stale = false,
  footer,
  nextTestId = 'apply-next',
}: {
  step: number;
  total: number;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  onNext: () => void;
  onBack?: (() => void) | undefined;
  nextLabel?: string;
  busy?: boolean;
  error?: unknown;
  stale?: boolean;
  footer?: ReactNode;
  nextTestId?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(title);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again on each new step, on purpose.
  useEffect(() => {
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [step]);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) onNext();
  }

  const isStale = stale || (error instanceof ApiError && error.code === 'APPLICATION_STALE');
  const progress = t('portal.apply.progress', {
    n: formatNumber(step, locale),
    total: formatNumber(total, locale),
  });

  return (
    <Container size="sm" px="md" py="md">
      <form onSubmit={submit} noValidate data-testid="apply-form">
        <Stack gap="lg">
          <Stack gap={6}>
            <Text size="sm" fw={600} c="clay.8" data-testid="apply-progress">
              {progress}
            </Text>
            <Progress value={(step / total) * 100} size="sm" aria-hidden="true" />
          </Stack>
          <Stack gap="xs">
            <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
              {title}
            </Title>
            {intro ? <Text size="md">{intro}</Text> : null}
          </Stack>

          {children}

          {isStale ? (
            <Alert
              color="orange"
              icon={<IconRefresh aria-hidden="true" />}
              role="alert"
              data-testid="apply-stale"
            >
              {t('portal.apply.stale')}
            </Alert>
          ) : error ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle aria-hidden="true" />}
              role="alert"
              data-testid="apply-error"
            >
              {errorMessage(error, t)}
            </Alert>
          ) : null}

          <Stack gap="sm">
            <Button
              type="submit"
              size="lg"
              fullWidth
              loading={busy}
              data-testid={nextTestId}
              rightSection={<IconArrowNarrowRight size={20} aria-hidden="true" className="flip-rtl" />}
            >
              {nextLabel ?? t('portal.apply.next')}
            </Button>
            {onBack ? (
              <Button
                variant="subtle"
                size="md"
                onClick={onBack}
                disabled={busy}
                data-testid="apply-back"
                leftSection={<IconArrowNarrowLeft size={20} aria-hidden="true" className="flip-rtl" />}
              >
                {t('portal.apply.back')}
              </Button>
            ) : null}
          </Stack>
          {footer ?? (
            <Text size="sm" c="dimmed">
              {t('portal.apply.savedHint')}
            </Text>
          )}
        </Stack>
      </form>
    </Container>
  );
}

/** What every step passes on to its frame: position, navigation and the state of the last save. */
export interface StepFrame {
  step: number;
  total: number;
  onBack: () => void;
  onNext: () => void;
  busy: boolean;
  error: unknown;
  stale: boolean;
}
