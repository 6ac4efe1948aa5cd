import type { ApplicationDetail, DocumentType } from '@hirfa/contracts';
import { Stack } from '@mantine/core';
import { DocumentRow } from './document-row.tsx';
import type { ApplicationDocument } from './registry.api.ts';

/**
 * The pieces of a file: what is required (from the server, by kind and qualification), what is
 * received, and — while the file is open to changes — a way to add or replace each one.
 */
export function DocumentsPanel({
  detail,
  editable,
  errors = {},
  onUploaded,
  preview,
  size = 'md',
}: {
  detail: ApplicationDetail;
  editable: boolean;
  errors?: Record<string, string>;
  onUploaded: (doc: ApplicationDocument) => void;
  /** `thumb`: a small picture (the artisan's phone); `large`: read the piece on screen (staff). */
  preview: 'thumb' | 'large';
  size?: 'sm' | 'md' | 'lg';
}) {
  const uploaded = new Map(detail.documents.map((d) => [d.type, d]));
  const types: DocumentType[] = [...detail.requiredDocuments];
  for (const doc of detail.documents) if (!types.includes(doc.type)) types.push(doc.type);
  if (editable && !types.includes('other')) types.push('other');

  return (
    <Stack gap="sm" data-testid="documents">
      {types.map((type) => (
        <DocumentRow
          key={type}
          applicationId={detail.id}
          type={type}
          required={detail.requiredDocuments.includes(type)}
          doc={uploaded.get(type)}
          editable={editable}
          error={errors[`documents.${type}`]}
          onUploaded={onUploaded}
          preview={preview}
          size={size}
        />
      ))}
    </Stack>
  );
}
