import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { i18n } from '../i18n/i18n.ts';
import { applyDocumentLocale, isLocale } from '../i18n/locale.ts';
import { ApiError } from '../lib/api.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';
import { LOCALE_DIR } from '@hirfa/contracts/constants';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; the network might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Keeps <html lang dir> and Mantine's direction in step with the interface language. */
function LocaleSync() {
  const { setDirection } = useDirection();
  useEffect(() => {
    const onChange = (language: string) => {
      if (!isLocale(language)) return;
      applyDocumentLocale(language);
      setDirection(LOCALE_DIR[language]);
    };
    onChange(i18n.language);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [setDirection]);
  return null;
}

export function App() {
  const initial = isLocale(i18n.language) ? LOCALE_DIR[i18n.language] : 'rtl';
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={initial} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
          <LocaleSync />
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
