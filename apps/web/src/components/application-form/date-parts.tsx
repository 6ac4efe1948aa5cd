import { Group, Input, TextInput } from '@mantine/core';
import classes from './form.module.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Parts {
  day: string;
  month: string;
  year: string;
}

function split(iso: string | undefined): Parts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { year: m[1] ?? '', month: m[2] ?? '', day: m[3] ?? '' } : { day: '', month: '', year: '' };
}

function join(p: Parts): string | null {
  const day = Number(p.day);
  const month = Number(p.month);
  const year = Number(p.year);
  if (!/^\d{1,2}$/.test(p.day) || !/^\d{1,2}$/.test(p.month) || !/^\d{4}$/.test(p.year)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
}

const digits = (text: string) =>
  text.replace(/[^\d٠-٩]/g, '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));

/**
 * A date someone knows by heart (a birth date) as three boxes: day, month, year. Quicker than a
 * calendar forty years back, and it reads the right way in both directions.
 */
export function DateParts({
  label,
  description,
  value,
  onChange,
  error,
  testId,
  size = 'md',
}: {
  label: string;
  description?: string;
  value: string | undefined;
  onChange: (iso: string | undefined) => void;
  error?: string | undefined;
  testId: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const id = useId();
  const [parts, setParts] = useState<Parts>(() => split(value));
  const [invalid, setInvalid] = useState(false);

  // A value loaded from the server (another device, a reload) replaces what the boxes show.
  useEffect(() => {
    setParts((current) => (join(current) === (value ?? null) ? current : split(value)));
  }, [value]);

  function change(part: keyof Parts, text: string): void {
    const next = { ...parts, [part]: digits(text) };
    setParts(next);
    const iso = join(next);
    const complete = next.day !== '' && next.month !== '' && next.year.length === 4;
    setInvalid(complete && iso === null);
    onChange(iso ?? undefined);
  }

  const message = invalid ? t('registry.field.dateInvalid') : error;
  const box = (part: keyof Parts, width: number, max: number) => (
    <TextInput
      data-testid={`${testId}-${part}`}
      label={t(`registry.field.date.${part}`)}
      value={parts[part]}
      onChange={(event) => change(part, event.currentTarget.value)}
      inputMode="numeric"
      autoComplete={`bday-${part}`}
      maxLength={max}
      dir="ltr"
      size={size}
      w={width}
      error={Boolean(message)}
      aria-describedby={message ? `${id}-error` : undefined}
    />
  );

  return (
    <fieldset
      className={classes.fieldset}
      data-testid={testId}
      aria-describedby={description ? `${id}-hint` : undefined}
    >
      <legend className={size === 'lg' ? classes.legendLg : classes.legend}>{label}</legend>
      {description ? (
        <Input.Description id={`${id}-hint`} size={size}>
          {description}
        </Input.Description>
      ) : null}
      <Group gap="sm" align="flex-start" mt={4}>
        {box('day', 72, 2)}
        {box('month', 72, 2)}
        {box('year', 104, 4)}
      </Group>
      {message ? (
        <Input.Error id={`${id}-error`} mt={6} size={size}>
          {message}
        </Input.Error>
      ) : null}
    </fieldset>
  );
}
