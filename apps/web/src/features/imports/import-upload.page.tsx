import { IMPORT_ENCODINGS, IMPORT_MAX_UPLOAD_BYTES, type ImportEncoding } from '@hirfa/contracts';
import { Alert, Anchor, Button, FileInput, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../components/error-message.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { useSession } from '../../lib/session.ts';
import { useChambers } from '../reference/reference.api.ts';
import { refreshImports, uploadImport } from './imports.api.ts';

const isEncoding = (v: string | null): v is ImportEncoding =>
  v !== null && (IMPORT_ENCODINGS as readonly string[]).includes(v);

/** Upload a legacy list: the chamber, the file (and its encoding when detection must be overridden). */
export function ImportUploadPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports:upload.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useSession().data;
  const user = session?.user;
  const chambers = useChambers();
  const regional = (chambers.data ?? []).filter((c) => c.kind === 'regional');
  const [chamber, setChamber] = useState<string | null>(user?.chamberCode ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding | undefined>(undefined);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const tooLarge = file !== null && file.size > IMPORT_MAX_UPLOAD_BYTES;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !chamber || tooLarge) return;
    setError(null);
    setProgress(0);
    try {
      const created = await uploadImport({
        chamber,
        file,
        encoding,
        csrfToken: session?.csrfToken,
        onProgress: setProgress,
      });
      await refreshImports(client);
      void navigate(`/office/imports/${created.id}`);
    } catch (caught) {
      setError(caught);
      setProgress(null);
    }
  }

  return (
    <Stack gap="lg" maw={720} data-testid="imports-upload">
      <Anchor component={Link} to="/office/imports" size="sm">
        {t('imports:detail.back')}
      </Anchor>
      <Title order={1}>{t('imports:upload.title')}</Title>
      <Text c="dimmed">{t('imports:upload.intro')}</Text>
      <Paper withBorder p="lg" component="form" onSubmit={(e) => void submit(e)}>
        <Stack gap="md">
          <Select
            data-testid="upload-chamber"
            label={t('imports:upload.chamber')}
            required
            value={chamber}
            onChange={setChamber}
            disabled={Boolean(user?.chamberCode)}
            data={regional.map((c) => ({ value: c.code, label: c.name }))}
            searchable
          />
          <FileInput
            data-testid="upload-file"
            label={t('imports:upload.file')}
            required
            value={file}
            onChange={(f) => {
              setFile(f);
              setError(null);
            }}
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />}
            clearable
          />
          <Select
            data-testid="upload-encoding"
            label={t('imports:upload.encoding')}
            value={encoding ?? 'auto'}
            onChange={(v) => setEncoding(isEncoding(v) ? v : undefined)}
            data={[
              { value: 'auto', label: t('imports:upload.encodingAuto') },
              ...IMPORT_ENCODINGS.map((value) => ({ value, label: value.toUpperCase() })),
            ]}
            allowDeselect={false}
          />
          {tooLarge ? (
            <Alert
              color="red"
              role="alert"
              icon={<IconAlertTriangle aria-hidden="true" />}
              data-testid="upload-too-large"
            >
              {t('imports:upload.tooLarge')}
            </Alert>
          ) : null}
          {error ? (
            <Alert
              color="red"
              role="alert"
              icon={<IconAlertTriangle aria-hidden="true" />}
              data-testid="upload-error"
            >
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          {progress !== null ? (
            <Stack gap={4} aria-live="polite">
              <Progress
                value={progress * 100}
                aria-label={t('imports:upload.uploading', { percent: Math.round(progress * 100) })}
              />
              <Text size="sm">{t('imports:upload.uploading', { percent: Math.round(progress * 100) })}</Text>
            </Stack>
          ) : null}
          <Button
            type="submit"
            data-testid="upload-submit"
            disabled={!file || !chamber || tooLarge}
            loading={progress !== null}
          >
            {t('imports:upload.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
