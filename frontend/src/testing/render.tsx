import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ReactElement } from 'react';
import { AppProviders } from '@/app/providers';
import { AppRoutes } from '@/app/routes';
import { createQueryClient } from '@/lib/query-client';
import { session } from '@/lib/session';
import type { Member } from '@/types/api';
import { db, resetDb } from './db';

/** Renders the whole app at a URL, optionally logged in as a member of the test db. */
export function renderApp(url: string, options: { as?: 'admin' | 'researcher' } = {}) {
  resetDb();
  if (options.as) {
    const user: Member = options.as === 'admin' ? db.members[0]! : db.members[1]!;
    session.start(`token-${user.username}`, user, 3600);
  }
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: 0 } });
  return render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}

export function renderWithProviders(ui: ReactElement) {
  return render(<AppProviders>{ui}</AppProviders>);
}
