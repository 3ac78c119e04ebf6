import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProblem } from './api/http';
import { LastWriteContext } from './api/reads';
import { SessionProvider } from './api/session';
import { I18nProvider } from './i18n/i18n';
import { router } from './router';
import './styles.css';

// A 4xx (no such project, no programme yet, not allowed) is an answer, not a hiccup: never retried.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (failures, error) => failures < 1 && !(error instanceof ApiProblem && error.status < 500), staleTime: 1000 } },
});

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
