import { DEFAULT_LOCALE, LOCALES, type Locale } from '@hirfa/contracts';
import ar from '@hirfa/contracts/locales/ar/errors.json' with { type: 'json' };
import en from '@hirfa/contracts/locales/en/errors.json' with { type: 'json' };
import fr from '@hirfa/contracts/locales/fr/errors.json' with { type: 'json' };
import zgh from '@hirfa/contracts/locales/zgh/errors.json' with { type: 'json' };

type Catalogue = {
  codes: Record<string, string>;
  validation: Record<string, string>;
  reasons: Record<string, string>;
  verdicts: Record<string, string>;
};
const catalogues: Record<Locale, Catalogue> = { ar, fr, en, zgh };

/** Translates a key such as `codes.AUTH_REQUIRED`, falling back to French, then the key. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const [section, name] = key.split('.', 2) as [keyof Catalogue, string];
  const text = catalogues[locale]?.[section]?.[name] ?? catalogues.fr[section]?.[name] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(params[p] ?? ''));
}

export function hasTranslation(key: string): boolean {
  const [section, name] = key.split('.', 2) as [keyof Catalogue, string];
  return catalogues.fr[section]?.[name] !== undefined;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to answer in: an explicit `?lang=`, else the best match of Accept-Language (the web
 * app always sends its current language), else the signed-in user's saved preference, else Arabic.
 */
export function negotiateLocale(
  acceptLanguage: string | undefined,
  explicit?: unknown,
  preferred?: unknown,
): Locale {
  if (isLocale(explicit)) return explicit;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...rest] = part.trim().split(';');
        const q = rest.find((r) => r.trim().startsWith('q='));
        return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
      })
      .filter((x) => x.tag && x.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranked) {
      const base = tag.split('-')[0];
      if (tag.startsWith('zgh') || tag.startsWith('tzm') || tag.startsWith('ber')) return 'zgh';
      if (isLocale(base)) return base;
    }
  }
  if (isLocale(preferred)) return preferred;
  return DEFAULT_LOCALE;
}

/** A reference name in the reader's language: Amazigh and English fall back to French. */
export function localName(
  locale: Locale,
  names: { ar: string; fr: string; en?: string | null; zgh?: string | null },
): string {
  switch (locale) {
    case 'ar':
      return names.ar;
    case 'fr':
      return names.fr;
    case 'en':
      return names.en ?? names.fr;
    case 'zgh':
      return names.zgh ?? names.fr;
  }
}
