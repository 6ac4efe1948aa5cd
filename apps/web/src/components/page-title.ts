import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title: "<page> · Hirfa", in the current language. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t('common.brand.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
