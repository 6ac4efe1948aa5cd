import { Text } from '@mantine/core';
import { useLocale } from '../i18n/use-locale.ts';

interface Named {
  name: string;
  nameAr: string;
  nameFr: string;
}

/** A name in the reader's language, with the other script beside it (Arabic ↔ Latin). */
export function BilingualName({ item, strong = false }: { item: Named; strong?: boolean }) {
  const locale = useLocale();
  const other = locale === 'ar' ? { text: item.nameFr, lang: 'fr' } : { text: item.nameAr, lang: 'ar' };
  const showOther = other.text && other.text !== item.name;
  return (
    <span>
      <Text component="span" fw={strong ? 600 : undefined} dir="auto">
        {item.name}
      </Text>
      {showOther ? (
        <Text component="span" c="dimmed" size="sm" lang={other.lang} dir="auto" ms="xs" style={{ display: 'inline-block' }}>
          {other.text}
        </Text>
      ) : null}
    </span>
  );
}
