/**
 * Names printed on the keyboard keys: the same in every interface language, so not in the
 * catalogues (like the languages' own names).
 */
export const KEY = { ctrl: 'Ctrl', s: 'S', enter: 'Enter' } as const;
