/**
 * Text colours for words written on white or on a light tint of their own colour. Mantine's
 * shade 9 of green and orange falls just under 4.5:1 there, so those two are darker.
 */
const INK: Record<string, string> = {
  green: '#1f6b30',
  orange: '#a33a07',
};

export function ink(color: string): string {
  return INK[color] ?? `var(--mantine-color-${color}-9)`;
}

/**
 * Button colours with white words (filled) or coloured words (light, outline, subtle) that keep
 * 4.5:1: Mantine's shade 6 of green and red does not.
 */
export const BUTTON_COLOR = {
  go: '#1f6b30',
  stop: '#b02525',
} as const;
