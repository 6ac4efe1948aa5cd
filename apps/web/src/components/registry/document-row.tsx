import { LOCALE_TAG } from '@hirfa/contracts/constants';
import type { DocumentType, Locale } from '@hirfa/contracts';
import { Anchor, Button, Card, FileButton, Group, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconCamera,
  IconCircleCheck,
  IconCircleDashed,
  IconExternalLink,
  IconUpload,
} from '@tabler/icons-react';
import { type ComponentProps, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useSession } from '../../lib/session.ts';
import { errorMessage } from '../error-message.ts';
import classes from './document-row.module.css';
import { type ApplicationDocument, documentUrl } from './registry.api.ts';
import { MAX_DOCUMENT_BYTES } from './registry.constants.ts';
import { shrinkPhoto, uploadDocument } from './upload.ts';
import { ink } from './ink.ts';

const ACCEPT = 'image/*,application/pdf';

/** "120 kB", "2.4 MB", with the unit written the reader's way by Intl. */
function sizeLabel(bytes: number, locale: Locale): string {
  const kb = bytes / 1024;
  const [value, unit] = kb < 1024 ? [Math.max(1, Math.round(kb)), 'kilobyte'] : [kb / 1024, 'megabyte'];
  return new Intl.NumberFormat(LOCALE_TAG[locale], { style: 'unit', unit, maximumFractionDigits: 1 }).format(
    value,
  );
}

export function DocumentRow({
  applicationId,
  type,
  required,
  doc,
  editable,
  error,
  onUploaded,
  preview,
  size,
}: {
  applicationId: string;
  type: DocumentType;
  required: boolean;
  doc: ApplicationDocument | undefined;
  editable: boolean;
  error: string | undefined;
  onUploaded: (doc: ApplicationDocument) => void;
  preview: 'thumb' | 'large';
  size: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const csrfToken = useSession().data?.csrfToken;
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function send(file: File | null): Promise<void> {
    if (!file) return;
    setFailure(null);
    setProgress(0);
    try {
      const body = await shrinkPhoto(file);
      if (body.size > MAX_DOCUMENT_BYTES) {
        setFailure(t('registry.documents.tooLarge'));
        return;
      }
      const saved = await uploadDocument({
        applicationId,
        type,
        body,
        name: file.name,
        csrfToken,
        onProgress: setProgress,
      });
      onUploaded(saved);
    } catch (caught) {
      setFailure(errorMessage(caught, t));
    } finally {
      setProgress(null);
    }
  }

  const isImage = doc?.mime.startsWith('image/');
  const label = t(`registry.doc.${type}`);
  const shown = failure ?? (doc ? undefined : error);

  return (
    <Card withBorder padding="md" radius="md" data-testid={`doc-${type}`} data-uploaded={doc ? 'yes' : 'no'}>
      <Stack gap="sm">
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <ThemeIcon variant="light" color={doc ? 'green' : 'gray'} radius="xl" size={32} aria-hidden="true">
            {doc ? <IconCircleCheck size={20} /> : <IconCircleDashed size={20} />}
          </ThemeIcon>
          <Stack gap={2} className={classes.text}>
            <Text fw={600}>{label}</Text>
            <Text size="sm" c={doc ? ink('green') : 'dimmed'}>
              {doc
                ? t('registry.documents.received')
                : required
                  ? t('registry.documents.missing')
                  : t('registry.documents.optional')}
            </Text>
            {doc ? (
              <Text size="xs" c="dimmed">
                <bdi>{doc.originalName ?? label}</bdi> · {sizeLabel(doc.sizeBytes, locale)} ·{' '}
                <time dateTime={doc.uploadedAt}>{formatDateTime(doc.uploadedAt, locale)}</time>
              </Text>
            ) : null}
          </Stack>
          {doc && isImage && preview === 'thumb' ? (
            <img src={documentUrl(doc)} alt={label} className={classes.thumb} loading="lazy" />
          ) : null}
        </Group>

        {doc && isImage && preview === 'large' ? (
          <a href={documentUrl(doc)} target="_blank" rel="noopener" className={classes.largeLink}>
            <img src={documentUrl(doc)} alt={label} className={classes.large} loading="lazy" />
          </a>
        ) : null}
        {doc ? (
          <Anchor
            href={documentUrl(doc)}
            target="_blank"
            rel="noopener"
            size="sm"
            data-testid={`doc-view-${type}`}
          >
            <Group gap={4} component="span">
              <IconExternalLink size={16} aria-hidden="true" />
              {isImage ? t('registry.documents.viewImage') : t('registry.documents.viewPdf')}
            </Group>
          </Anchor>
        ) : null}

        {progress !== null ? (
          <Progress
            value={Math.round(progress * 100)}
            aria-label={t('registry.documents.uploading', { name: label })}
            animated
            size="lg"
          />
        ) : null}
        {shown ? (
          <Text size="sm" c="red.8" role="alert" data-testid={`doc-error-${type}`}>
            {shown}
          </Text>
        ) : null}

        {editable ? (
          <Group gap={doc ? 'xs' : 'sm'} grow={!doc && size === 'lg'} preventGrowOverflow={false}>
            <Picker
              camera
              testId={`doc-camera-${type}`}
              onFile={(file) => void send(file)}
              busy={progress !== null}
              size={doc ? (size === 'lg' ? 'md' : 'compact') : size}
              variant={doc ? 'subtle' : required ? 'filled' : 'default'}
              label={doc ? t('registry.documents.replacePhoto') : t('registry.documents.takePhoto')}
              ariaLabel={t(doc ? 'registry.documents.replacePhotoOf' : 'registry.documents.takePhotoOf', {
                name: label,
              })}
            />
            <Picker
              testId={`doc-upload-${type}`}
              onFile={(file) => void send(file)}
              busy={progress !== null}
              size={doc ? (size === 'lg' ? 'md' : 'compact') : size}
              variant={doc ? 'subtle' : 'default'}
              label={doc ? t('registry.documents.replaceFile') : t('registry.documents.chooseFile')}
              ariaLabel={t(doc ? 'registry.documents.replaceFileOf' : 'registry.documents.chooseFileOf', {
                name: label,
              })}
            />
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A button that opens the camera (on a phone) or the file chooser, and hands over the file. */
function Picker({
  camera = false,
  testId,
  onFile,
  busy,
  size,
  variant,
  label,
  ariaLabel,
}: {
  camera?: boolean;
  testId: string;
  onFile: (file: File | null) => void;
  busy: boolean;
  size: 'sm' | 'md' | 'lg' | 'compact';
  variant: 'filled' | 'default' | 'subtle';
  label: string;
  ariaLabel: string;
}) {
  const Icon = camera ? IconCamera : IconUpload;
  return (
    <FileButton
      onChange={onFile}
      accept={ACCEPT}
      capture={camera ? 'environment' : undefined}
      inputProps={{ 'data-testid': testId } as ComponentProps<'input'>}
      disabled={busy}
    >
      {(props) => (
        <Button
          {...props}
          variant={variant}
          size={size === 'compact' ? 'compact-sm' : size}
          leftSection={<Icon size={size === 'compact' ? 16 : 20} aria-hidden="true" />}
          aria-label={ariaLabel}
          disabled={busy}
        >
          {label}
        </Button>
      )}
    </FileButton>
  );
}
