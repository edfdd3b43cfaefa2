import { describe, expect, it } from 'vitest';
import { act, render } from '@testing-library/react';
import { createQueryClient } from '@/lib/query-client';
import { session } from '@/lib/session';
import { db, resetDb } from '@/testing/db';
import { AppProviders } from './providers';

describe('app providers', () => {
  it('never keep one member\'s fetched data for the next member to log in here', () => {
    resetDb();
    session.start('token-kim', db.members[1]!, 3600);
    const client = createQueryClient();
    render(<AppProviders client={client}><p>app</p></AppProviders>);
    client.setQueryData(['me', 'usage'], { plan_name: 'kim-plan' });

    act(() => session.start('token-kim-renewed', db.members[1]!, 3600));
    expect(client.getQueryData(['me', 'usage'])).toEqual({ plan_name: 'kim-plan' });

    // The session expired (no logout button pressed), and someone else logs in.
    act(() => session.end());
    expect(client.getQueryData(['me', 'usage'])).toBeUndefined();
    client.setQueryData(['me', 'usage'], { plan_name: 'stale' });
    act(() => session.start('token-lee', db.members[2]!, 3600));
    expect(client.getQueryData(['me', 'usage'])).toBeUndefined();
  });
});
