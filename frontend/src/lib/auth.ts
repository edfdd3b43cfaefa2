import { api } from './api-client';
import { session } from './session';

/**
 * Logs out on the server first — every session of the member ends, on every replica — then here. The local
 * session ends whatever the server answered: an unreachable server must not keep anyone logged in.
 */
export async function logout() {
  if (session.token()) {
    try {
      await api<void>('/api/auth/logout', { method: 'POST' });
    } catch {
      /* the token is forgotten below either way */
    }
  }
  session.end();
}
