import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/query-client';
import { ToastProvider } from '@/components/Toasts';
import { session } from '@/lib/session';

export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  // What one member's screens fetched is never shown to the next one to log in here (an expired session ends
  // without the logout button, which also clears it).
  useEffect(() => {
    let member = session.user()?.id ?? null;
    const unsubscribe = session.subscribe(() => {
      const now = session.user()?.id ?? null;
      if (now !== member) queryClient.removeQueries();
      member = now;
    });
    return () => {
      unsubscribe();
    };
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
