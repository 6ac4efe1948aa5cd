// The `imports` catalogue (the same the web app uses), for what the server writes itself: the
// reasons in the rejects file and the command line's report.
import type { ImportReason, Locale } from '@hirfa/contracts';
import ar from '@hirfa/contracts/locales/ar/imports.json' with { type: 'json' };
import en from '@hirfa/contracts/locales/en/imports.json' with { type: 'json' };
import fr from '@hirfa/contracts/locales/fr/imports.json' with { type: 'json' };
import zgh from '@hirfa/contracts/locales/zgh/imports.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const catalogues: Record<Locale, Tree> = { ar, fr, en, zgh } as unknown as Record<Locale, Tree>;

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A text of the `imports` catalogue, falling back to French, then the key. */
export function importText(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(catalogues[locale], key) ?? lookup(catalogues.fr, key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(params[p] ?? ''));
}

/** One reason (or note) of a row, in words: "Birth date: not a date (31/02/1980)". */
export function reasonText(locale: Locale, r: ImportReason, kind: 'reasons' | 'notes' = 'reasons'): string {
  const field = r.field ? importText(locale, `fields.${r.field}`) : '';
  return importText(locale, `${kind}.${r.code}`, { field, value: r.value ?? '', row: r.row ?? '' });
}
