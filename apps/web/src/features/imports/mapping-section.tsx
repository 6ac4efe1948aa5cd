import { IMPORT_FIELDS, type ImportDetail, type ImportField, type ImportMapping } from '@hirfa/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-message.ts';
import { PageLoader } from '../../components/query-state.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { putMapping, refreshImports, useColumns } from './imports.api.ts';
import { assign, fieldOfColumn, missingFields } from './mapping.ts';

/**
 * Columns ↔ fields: each column with its header (Arabic or French, as in the file), a few values
 * and their script, and what it holds. Saved, optionally as a template for the next list.
 */
export function MappingSection({ detail, editable }: { detail: ImportDetail; editable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const columns = useColumns(detail.id, true);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [headerRow, setHeaderRow] = useState<number>(detail.headerRow);
  const [templateName, setTemplateName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (columns.data) {
      setMapping(columns.data.proposed);
      setHeaderRow(columns.data.headerRow);
    }
  }, [columns.data]);

  if (columns.isPending) return <PageLoader />;
  if (!columns.data) return null;
  const data = columns.data;
  const missing = missingFields(mapping);
  const fieldOptions = [
    { value: '', label: t('imports:mapping.fieldNone') },
    ...IMPORT_FIELDS.map((field) => ({
      value: field,
      label: data.fields.find((f) => f.field === field)?.required
        ? `${t(`imports:fields.${field}`)} (${t('imports:mapping.required')})`
        : t(`imports:fields.${field}`),
    })),
  ];

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await putMapping(detail.id, {
        mapping,
        ...(headerRow !== detail.headerRow ? { headerRow } : {}),
        ...(templateName.trim() ? { saveAsTemplate: templateName.trim() } : {}),
      });
      setSaved(true);
      await refreshImports(client);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="lg" data-testid="mapping-section">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('imports:mapping.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imports:mapping.intro')}
        </Text>
        <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />} data-testid="mapping-proposed-from">
          {t(
            data.proposedFrom === 'template'
              ? 'imports:mapping.proposedFromTemplate'
              : data.proposedFrom === 'saved'
                ? 'imports:mapping.proposedFromSaved'
                : 'imports:mapping.proposedFromHeaders',
          )}
        </Alert>
        <Group align="flex-end">
          <NumberInput
            data-testid="mapping-header-row"
            label={t('imports:mapping.headerRow')}
            description={t('imports:mapping.headerRowNone')}
            value={headerRow}
            onChange={(v) => setHeaderRow(typeof v === 'number' ? v : 0)}
            min={0}
            max={50}
            w={200}
            disabled={!editable}
          />
          {data.templates.length > 0 ? (
            <Select
              data-testid="mapping-template"
              label={t('imports:mapping.templates')}
              placeholder={t('imports:mapping.applyTemplate')}
              data={data.templates.map((tpl) => ({
                value: tpl.id,
                label: tpl.matches ? `${tpl.name} ✓` : tpl.name,
              }))}
              onChange={(id) => {
                const tpl = data.templates.find((x) => x.id === id);
                if (tpl) {
                  setMapping(tpl.mapping);
                  setHeaderRow(tpl.headerRow);
                }
              }}
              disabled={!editable}
              w={280}
            />
          ) : null}
        </Group>
        <TableScroll label={t('imports:mapping.title')} minWidth={720}>
          <Table data-testid="mapping-table" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports:mapping.column')}</Table.Th>
                <Table.Th scope="col">{t('imports:mapping.header')}</Table.Th>
                <Table.Th scope="col">{t('imports:mapping.samples')}</Table.Th>
                <Table.Th scope="col">{t('imports:mapping.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.columns.map((col) => (
                <Table.Tr key={col.index}>
                  <Table.Td className="mono">{col.letter}</Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="auto" fw={600}>
                      {col.header || t('imports:detail.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge size="xs" variant="light" color="gray">
                        {t(`imports:mapping.scripts.${col.script}`)}
                      </Badge>
                      {[...new Set(col.samples)].slice(0, 3).map((s) => (
                        <Text key={s} size="xs" dir="auto" c="dimmed" lineClamp={1}>
                          {s}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      data-testid={`mapping-field-${col.index}`}
                      aria-label={`${t('imports:mapping.field')} ${col.letter}`}
                      value={fieldOfColumn(mapping, col.index) ?? ''}
                      onChange={(v) => setMapping(assign(mapping, col.index, v ? (v as ImportField) : null))}
                      data={fieldOptions}
                      allowDeselect={false}
                      searchable
                      disabled={!editable}
                      w={280}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {missing.length > 0 ? (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden="true" />} data-testid="mapping-missing">
            {t('imports:mapping.missing', {
              fields: missing.map((f) => t(`imports:fields.${f}`)).join(', '),
            })}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert" data-testid="mapping-error">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        {editable ? (
          <Group align="flex-end">
            <TextInput
              data-testid="mapping-template-name"
              label={t('imports:mapping.saveAsTemplate')}
              value={templateName}
              onChange={(e) => setTemplateName(e.currentTarget.value)}
              maxLength={100}
              w={280}
            />
            <Button
              data-testid="mapping-save"
              onClick={() => void save()}
              loading={busy}
              disabled={missing.length > 0}
            >
              {t('imports:mapping.save')}
            </Button>
            {saved ? (
              <Text size="sm" c="green.8" role="status">
                {t('imports:mapping.saved')}
              </Text>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
