import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { session } from '@/lib/session';
import type { Member } from '@/types/api';
import { conversationKey, useConversation } from './conversations';

const researcher = { id: 5, username: 'kim', role: 'researcher' } as Member;

describe('a conversation kept for the browser tab', () => {
  it('comes back after a reload, and an answer cut off by the reload is marked stopped', () => {
    session.start('token', researcher, 3600);
    sessionStorage.setItem(conversationKey(5, 'chat'), JSON.stringify([
      { role: 'user', content: '질문' }, { role: 'assistant', content: '답변 일부' },
    ]));
    const { result } = renderHook(() => useConversation(5, 'chat'));
    expect(result.current.turns).toEqual([{ role: 'user', content: '질문' }, { role: 'assistant', content: '답변 일부', stopped: true }]);
    expect(result.current.busy).toBe(false);
  });

  it('belongs to one member and is forgotten at logout', () => {
    session.start('token', researcher, 3600);
    sessionStorage.setItem(conversationKey(5, 'chat'), JSON.stringify([{ role: 'user', content: '질문' }]));
    expect(renderHook(() => useConversation(6, 'chat')).result.current.turns).toEqual([]);
    expect(renderHook(() => useConversation(5, 'chat')).result.current.turns).toHaveLength(1);
    session.end();
    expect(sessionStorage.getItem(conversationKey(5, 'chat'))).toBeNull();
    expect(renderHook(() => useConversation(5, 'chat')).result.current.turns).toEqual([]);
  });
});
