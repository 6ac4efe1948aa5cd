import { Text } from '@mantine/core';
import { useLocale } from '../../i18n/use-locale.ts';

/** An entry's name in both scripts, the reader's script first; each keeps its own direction. */
export function EntryName({ nameAr, nameLatn }: { nameAr: string; nameLatn: string }) {
  const locale = useLocale();
  const ar = (
    <bdi lang="ar" dir="rtl" key="ar">
      {nameAr}
    </bdi>
  );
  const latn = (
    <bdi lang="fr" dir="ltr" key="latn">
      {nameLatn}
    </bdi>
  );
  const [first, second] = locale === 'ar' ? [ar, latn] : [latn, ar];
  return (
    <span>
      <Text component="span" fw={600} display="block">
        {first}
      </Text>
      <Text component="span" size="sm" c="dimmed" display="block">
        {second}
      </Text>
    </span>
  );
}
