import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { promptLogger } from '@/features/prompt-log/logger';
import { AppProviders } from './providers';
import { AppRoutes } from './routes';

export function App() {
  // Queued prompt-log entries are sent when the app starts, when the browser is back online, and every 30 s.
  useEffect(() => promptLogger.start(), []);
  return (
    <AppProviders>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
