// Entry of the public verify page (verify.html, served at /V and /verify): its own small bundle,
// without the back office, Mantine or the router.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '../app/fonts.css';
import './verify.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n.ts';
import { Sources } from './sources.ts';
import { openStore } from './store.ts';
import { registerServiceWorker } from './sw-register.ts';
import { VerifyApp } from './verify-app.tsx';

const sources = new Sources({ store: openStore() });
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <VerifyApp sources={sources} />
      </I18nextProvider>
    </StrictMode>,
  );
}
registerServiceWorker();
