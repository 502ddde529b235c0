// Entry point: styles, providers, router.
// Noto Sans JP ships with the app (bundled by Vite, never a CDN) so screens and browser print
// render Japanese in the same font on any computer: only the two weights the UI uses (the
// デジタル庁 tokens' 400 and 700), split by unicode-range so a page loads only its glyphs.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import '@digital-go-jp/design-tokens/dist/tokens.css';
import './styles/index.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useJapaneseZodMessages } from '../shared/contracts/zod-messages';
import { createAppRouter } from './app/router';
import { installSessionHandlers } from './app/session-events';
import { DateEraProvider } from './components/ui/date-time';
import { LocaleProvider } from './i18n/i18n';
import { isApiError } from './lib/api-client';

// Client-side validation speaks the same Japanese as the API for rules a contract does not word.
useJapaneseZodMessages();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; a dropped connection or 5xx might.
      retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});
const router = createAppRouter(queryClient);
installSessionHandlers(queryClient, router);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <DateEraProvider>
          <RouterProvider router={router} />
        </DateEraProvider>
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
