import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getIn } from './payload.ts';
import type { SectionProps } from './section-props.ts';

type Props = Pick<SectionProps, 'payload' | 'errors' | 'onChange' | 'size'> & {
  path: string;
  /** Translation key of a hint under the label, when the field needs one. */
  hintKey?: string;
  transform?: (text: string) => string;
} & Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'size' | 'label'>;

/** One text field of the application, bound to its path in the payload. */
export function PayloadText({ payload, errors, onChange, size, path, hintKey, transform, ...rest }: Props) {
  const { t } = useTranslation();
  const value = getIn(payload, path);
  return (
    <TextInput
      data-testid={`field-${path}`}
      label={t(`registry.field.${path}`)}
      description={hintKey ? t(hintKey) : undefined}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => {
        const text = event.currentTarget.value;
        onChange(path, transform ? transform(text) : text);
      }}
      error={errors[path]}
      size={size}
      {...rest}
    />
  );
}
