import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDb } from '@/testing/db';
import { session } from '@/lib/session';
import { promptLogger } from './logger';

const kim = () => db.members[1]!;
const lee = () => db.members[2]!;
const sent = () => db.requests.filter((r) => r.path === '/api/prompt-logs')
  .map((r) => ({ ...(r.body as { client_id: string; user_prompt: string; context: string }), authorization: r.authorization }));

describe('prompt logger offline queue', () => {
  beforeEach(() => {
    resetDb();
    session.start('token-kim', kim(), 3600);
  });

  it('keeps entries made while the API is down and sends each exactly once when it is back', async () => {
    db.promptLogDown = true;
    const first = promptLogger.logPrompt('쌍대비교 행렬 해석', 'analysis', 'CR = 0.04')!;
    const second = promptLogger.logPrompt('기준 제안', 'generation')!;
    await promptLogger.flush();
    expect(promptLogger.pending().map((e) => e.client_id)).toEqual([first.client_id, second.client_id]);
    expect(sent()).toHaveLength(0);

    db.promptLogDown = false;
    expect(await promptLogger.flush()).toBe(2);
    expect(await promptLogger.flush()).toBe(0);
    expect(sent().map((b) => b.client_id)).toEqual([first.client_id, second.client_id]);
    expect(sent()[0]).toMatchObject({ user_prompt: '쌍대비교 행렬 해석', context: 'analysis', ai_response: 'CR = 0.04' });
    expect(promptLogger.pending()).toHaveLength(0);
  });

  it('survives a reload: the queue lives in local storage, under the member', async () => {
    db.promptLogDown = true;
    promptLogger.logPrompt('저장되어야 함');
    await promptLogger.flush();
    expect(JSON.parse(localStorage.getItem(`labgate.promptQueue.${kim().id}`)!)).toHaveLength(1);
  });

  it('holds a member\'s queue back after logout and sends it only in their next session, with their token', async () => {
    db.promptLogDown = true;
    const kims = promptLogger.logPrompt('김지우의 미완성 분석')!;
    await promptLogger.flush();
    session.end();
    db.promptLogDown = false;

    // Logged out: nothing is sent, and there is no one to queue for.
    expect(await promptLogger.flush()).toBe(0);
    expect(promptLogger.logPrompt('로그아웃 상태')).toBeNull();

    // Another member in the same browser neither sends, sees nor counts it; their own entries go with their token.
    session.start('token-lee', lee(), 3600);
    expect(promptLogger.pending()).toEqual([]);
    const lees = promptLogger.logPrompt('이서연의 질문')!;
    await promptLogger.flush();
    expect(sent()).toEqual([expect.objectContaining({ client_id: lees.client_id, authorization: 'Bearer token-lee' })]);
    expect(JSON.stringify(sent())).not.toContain('김지우');
    expect(JSON.parse(localStorage.getItem(`labgate.promptQueue.${kim().id}`)!)).toHaveLength(1);
    session.end();

    // Kim's next session sends it, as Kim.
    session.start('token-kim-2', kim(), 3600);
    await promptLogger.flush();
    expect(sent()[1]).toMatchObject({ client_id: kims.client_id, user_prompt: '김지우의 미완성 분석', authorization: 'Bearer token-kim-2' });
    expect(localStorage.getItem(`labgate.promptQueue.${kim().id}`)).toBeNull();
  });

  it('stops sending when the session changes mid-flush; the rest waits for its member', async () => {
    db.promptLogDown = true;
    promptLogger.logPrompt('하나');
    promptLogger.logPrompt('둘');
    promptLogger.logPrompt('셋');
    await promptLogger.flush();
    db.promptLogDown = false;

    const flushing = promptLogger.flush();
    session.end();
    session.start('token-lee', lee(), 3600);
    await flushing;
    expect(sent().map((s) => s.authorization)).toEqual(['Bearer token-kim']);
    expect(JSON.parse(localStorage.getItem(`labgate.promptQueue.${kim().id}`)!)).toHaveLength(2);
    expect(promptLogger.pending()).toEqual([]);
  });

  it('never sends the queue kept before queues were per member, whose owner is unknown', async () => {
    localStorage.setItem('labgate.promptQueue', JSON.stringify([{ client_id: 'x', timestamp: '2026-11-25T10:00:00Z', user_prompt: '주인 없음', context: 'general', session_id: 's' }]));
    const stop = promptLogger.start();
    await promptLogger.flush();
    stop();
    expect(sent()).toHaveLength(0);
    expect(localStorage.getItem('labgate.promptQueue')).toBeNull();
  });
});
