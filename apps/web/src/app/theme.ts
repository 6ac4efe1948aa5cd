import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Terracotta, the colour of fired clay and tanned leather; shade 6 keeps ≥ 4.5:1 contrast on white. */
const clay: MantineColorsTuple = [
  '#fdf3ec',
  '#f7e1d1',
  '#eebf9f',
  '#e49c6b',
  '#db7f41',
  '#c96a2b',
  '#9c4d1b',
  '#853f15',
  '#6e3310',
  '#57280b',
];

const fontFamily =
  "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Tifinagh', system-ui, -apple-system, 'Segoe UI', sans-serif";

export const theme = createTheme({
  colors: { clay },
  primaryColor: 'clay',
  primaryShade: 6,
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
});

/** Mantine's default dimmed grey is below 4.5:1 on white; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
