import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LastWriteContext } from './api/reads';
import { SessionProvider } from './api/session';
import { I18nProvider } from './i18n/i18n';
import { router } from './router';
import './styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 1000 } } });

function App() {
  const [token, setToken] = useState<string | undefined>();
  const lastWrite = useMemo(() => ({ token, record: setToken }), [token]);
  return (
    <I18nProvider>
      <SessionProvider>
        <QueryClientProvider client={queryClient}>
          <LastWriteContext.Provider value={lastWrite}>
            <RouterProvider router={router} />
          </LastWriteContext.Provider>
        </QueryClientProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
