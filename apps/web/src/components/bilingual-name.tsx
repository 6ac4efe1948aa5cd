import { useLocale } from '../i18n/use-locale.ts';
import classes from './bilingual-name.module.css';

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
    <span className={classes.root}>
      <bdi className={strong ? classes.strong : undefined}>{item.name}</bdi>
      {showOther ? (
        <>
          {' '}
          <bdi className={classes.other} lang={other.lang}>
            {other.text}
          </bdi>
        </>
      ) : null}
    </span>
  );
}
