import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { BilingualName } from '../bilingual-name.tsx';

/** A person's (or an organisation's) name in the reader's script, the other script beside it. */
export function PersonName({
  nameAr,
  nameLatn,
  strong = false,
}: {
  nameAr: string;
  nameLatn: string;
  strong?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!nameAr && !nameLatn) return <span>{t('registry.common.noName')}</span>;
  const name = locale === 'ar' ? nameAr || nameLatn : nameLatn || nameAr;
  return <BilingualName item={{ name, nameAr, nameFr: nameLatn }} strong={strong} />;
}
