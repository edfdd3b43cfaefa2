import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Field } from '@/components/Field';
import { errorMessage } from '@/components/server-errors';
import type { Feature } from '../api/stream-chat';
import { useConversation } from '../conversations';
import { useFollowNewest } from '../use-follow-newest';
import { ChatTurn } from './ChatTurn';

interface Props {
  memberId: number;
  feature: Feature;
  placeholder: string;
  /** The member cannot send now (the page says why). */
  disabled?: boolean;
}

/**
 * A conversation with one AI feature. The answer streams in as markdown; "stop" aborts it, keeps what
 * arrived, and the server bills only that. The conversation outlives the tab and a reload; after each answer
 * the usage queries refresh.
 */
export function ChatPanel({ memberId, feature, placeholder, disabled = false }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const conversation = useConversation(memberId, feature);
  const [input, setInput] = useState('');
  const log = useRef<HTMLOListElement>(null);
  const { follow } = useFollowNewest(log, conversation.turns);
  const { turns, busy, error } = conversation;

  const send = (e?: FormEvent) => {
    e?.preventDefault();
    const text = input.trim();
    if (!text || busy || disabled) return;
    setInput('');
    follow();
    void conversation.send(text).finally(() => queryClient.invalidateQueries({ queryKey: ['me'] }));
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <div className="chat">
      <ol ref={log} className="chat-log" aria-live="polite" aria-label={t('chat.conversation')}>
        {turns.length === 0 && <li className="muted chat-empty">{t(`chat.empty.${feature}`)}</li>}
        {turns.map((turn, i) => <ChatTurn key={i} turn={turn} streaming={busy && i === turns.length - 1} />)}
      </ol>
      {error && <p role="alert" className="form-error">{errorMessage(error)}</p>}
      <form className="chat-input" onSubmit={send}>
        <Field label={t('chat.message')}>
          <textarea rows={3} value={input} placeholder={placeholder} disabled={disabled}
            onChange={(e) => setInput(e.target.value)} onKeyDown={onKey} />
        </Field>
        <div className="chat-actions">
          {busy ? (
            <button type="button" className="button danger" onClick={conversation.stop}>{t('chat.stop')}</button>
          ) : (
            <button type="submit" className="button primary" disabled={!input.trim() || disabled}>{t('chat.send')}</button>
          )}
          {turns.length > 0 && !busy && (
            <button type="button" className="button" onClick={conversation.clear}>{t('chat.newConversation')}</button>
          )}
        </div>
      </form>
    </div>
  );
}
