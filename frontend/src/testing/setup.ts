import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import i18n from '@/lib/i18n';
import { session } from '@/lib/session';
import { server } from './server';

// Screens are loaded when first opened (app/routes): the first find in a test file waits for their code too.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  // Logging out also forgets the conversations kept for the browser tab.
  session.end();
  localStorage.clear();
  sessionStorage.clear();
  await i18n.changeLanguage('ko');
});
afterAll(() => server.close());
