import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { session } from '@/lib/session';
import { db, resetDb } from '@/testing/db';
import type { Member } from '@/types/api';
import { conversationKey, useConversation } from './conversations';

const researcher = { id: 5, username: 'kim', role: 'researcher' } as Member;

/** The session_id of every AI call sent so far, in order. */
const sentSessions = () => db.requests.filter((r) => r.path.startsWith('/api/ai/'))
  .map((r) => ({ feature: r.path.slice('/api/ai/'.length), session: (r.body as { session_id: string }).session_id }));

describe('a conversation kept for the browser tab', () => {
  it('comes back after a reload with its session, and an answer cut off by the reload is marked stopped', () => {
    session.start('token', researcher, 3600);
    sessionStorage.setItem(conversationKey(5, 'chat'), JSON.stringify({ session_id: 'chat-0a1b2c3d', turns: [
      { role: 'user', content: '질문' }, { role: 'assistant', content: '답변 일부' },
    ] }));
    const { result } = renderHook(() => useConversation(5, 'chat'));
    expect(result.current.turns).toEqual([{ role: 'user', content: '질문' }, { role: 'assistant', content: '답변 일부', stopped: true }]);
    expect(result.current.sessionId).toBe('chat-0a1b2c3d');
    expect(result.current.busy).toBe(false);
  });

  it('belongs to one member and is forgotten at logout', () => {
    session.start('token', researcher, 3600);
    sessionStorage.setItem(conversationKey(5, 'chat'), JSON.stringify({ session_id: 'chat-0a1b2c3d', turns: [{ role: 'user', content: '질문' }] }));
    expect(renderHook(() => useConversation(6, 'chat')).result.current.turns).toEqual([]);
    expect(renderHook(() => useConversation(5, 'chat')).result.current.turns).toHaveLength(1);
    session.end();
    expect(sessionStorage.getItem(conversationKey(5, 'chat'))).toBeNull();
    expect(renderHook(() => useConversation(5, 'chat')).result.current.turns).toEqual([]);
  });
});

describe('the prompt-log session of a conversation', () => {
  it('is one id for every message of a conversation, sent with each call', async () => {
    resetDb();
    session.start('token', researcher, 3600);
    const { result } = renderHook(() => useConversation(5, 'chat'));
    expect(result.current.sessionId).toBeNull();
    await act(() => result.current.send('AHP가 뭐예요?'));
    await act(() => result.current.send('일관성 비율은?'));
    const sent = sentSessions();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.session).toMatch(/^chat-[0-9a-f]{8}$/);
    expect(sent[1]!.session).toBe(sent[0]!.session);
    expect(result.current.sessionId).toBe(sent[0]!.session);
  });

  it('starts anew with a new conversation', async () => {
    resetDb();
    session.start('token', researcher, 3600);
    const { result } = renderHook(() => useConversation(5, 'chat'));
    await act(() => result.current.send('첫 대화'));
    act(() => result.current.clear());
    expect(result.current.sessionId).toBeNull();
    await act(() => result.current.send('두 번째 대화'));
    const [first, second] = sentSessions();
    expect(second!.session).toMatch(/^chat-/);
    expect(second!.session).not.toBe(first!.session);
  });

  it('is its own for each feature tab, named after the feature', async () => {
    resetDb();
    session.start('token', researcher, 3600);
    const chat = renderHook(() => useConversation(5, 'chat')).result;
    const analysis = renderHook(() => useConversation(5, 'analysis')).result;
    const generation = renderHook(() => useConversation(5, 'generation')).result;
    await act(() => chat.current.send('채팅'));
    await act(() => analysis.current.send('CR 0.12 해석'));
    await act(() => generation.current.send('기준 제안'));
    await act(() => chat.current.send('채팅 계속'));
    const sent = sentSessions();
    expect(sent.map((s) => s.feature)).toEqual(['chat', 'analysis', 'generation', 'chat']);
    expect(sent[1]!.session).toMatch(/^analysis-[0-9a-f]{8}$/);
    expect(sent[2]!.session).toMatch(/^generation-[0-9a-f]{8}$/);
    expect(new Set(sent.slice(0, 3).map((s) => s.session)).size).toBe(3);
    expect(sent[3]!.session).toBe(sent[0]!.session);
  });

  it('carries on after a reload', async () => {
    resetDb();
    session.start('token', researcher, 3600);
    sessionStorage.setItem(conversationKey(5, 'analysis'), JSON.stringify({ session_id: 'analysis-0a1b2c3d', turns: [
      { role: 'user', content: '질문' }, { role: 'assistant', content: '답변' },
    ] }));
    const { result } = renderHook(() => useConversation(5, 'analysis'));
    await act(() => result.current.send('이어서'));
    expect(sentSessions()).toEqual([{ feature: 'analysis', session: 'analysis-0a1b2c3d' }]);
  });
});
