import { Group, Radio, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import classes from './choice-cards.module.css';

export interface Choice {
  value: string;
  title: ReactNode;
  description?: ReactNode;
  testId?: string;
}

/** A question answered by touching one large card: easier on a phone than a drop-down. */
export function ChoiceCards({
  label,
  description,
  choices,
  value,
  onChange,
  error,
  testId,
  hideLabel = false,
  size = 'lg',
}: {
  label: string;
  description?: ReactNode;
  choices: Choice[];
  value: string | null | undefined;
  onChange: (value: string) => void;
  error?: string | undefined;
  testId?: string;
  /** When the page title already asks the question, the label is only read out. */
  hideLabel?: boolean;
  /** Size of the question's label, hint and error, matching the other fields of the form. */
  size?: 'sm' | 'lg';
}) {
  const id = useId();
  return (
    <Radio.Group
      value={value ?? ''}
      onChange={onChange}
      name={id}
      size={size}
      label={label}
      description={description}
      error={error}
      errorProps={{ role: 'alert' }}
      data-testid={testId}
      labelProps={hideLabel ? { className: classes.hiddenLabel } : undefined}
    >
      <Stack gap="sm" mt={hideLabel ? 0 : 'xs'}>
        {choices.map((choice) => (
          <Radio.Card
            key={choice.value}
            value={choice.value}
            className={classes.card}
            data-testid={choice.testId}
            aria-describedby={choice.description ? `${id}-${choice.value}` : undefined}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={3} />
              <div className={classes.text}>
                <Text fw={600} size="md" component="div">
                  {choice.title}
                </Text>
                {choice.description ? (
                  <Text size="sm" c="dimmed" component="div" id={`${id}-${choice.value}`}>
                    {choice.description}
                  </Text>
                ) : null}
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
