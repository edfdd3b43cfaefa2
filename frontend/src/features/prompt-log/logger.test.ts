import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDb } from '@/testing/db';
import { session } from '@/lib/session';
import { promptLogger } from './logger';

describe('prompt logger offline queue', () => {
  beforeEach(() => {
    resetDb();
    session.start('token-kim', db.members[1]!, 3600);
  });

  it('keeps entries made while the API is down and sends each exactly once when it is back', async () => {
    db.promptLogDown = true;
    const first = promptLogger.logPrompt('쌍대비교 행렬 해석', 'analysis', 'CR = 0.04');
    const second = promptLogger.logPrompt('기준 제안', 'generation');
    await promptLogger.flush();
    expect(promptLogger.pending().map((e) => e.client_id)).toEqual([first.client_id, second.client_id]);
    expect(db.requests.filter((r) => r.path === '/api/prompt-logs')).toHaveLength(0);

    db.promptLogDown = false;
    expect(await promptLogger.flush()).toBe(2);
    expect(await promptLogger.flush()).toBe(0);
    const sent = db.requests.filter((r) => r.path === '/api/prompt-logs').map((r) => r.body as { client_id: string; user_prompt: string; context: string });
    expect(sent.map((b) => b.client_id)).toEqual([first.client_id, second.client_id]);
    expect(sent[0]).toMatchObject({ user_prompt: '쌍대비교 행렬 해석', context: 'analysis', ai_response: 'CR = 0.04' });
    expect(promptLogger.pending()).toHaveLength(0);
  });

  it('survives a reload: the queue lives in local storage', async () => {
    db.promptLogDown = true;
    promptLogger.logPrompt('저장되어야 함');
    await promptLogger.flush();
    expect(JSON.parse(localStorage.getItem('labgate.promptQueue')!)).toHaveLength(1);
  });
});
