import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { useQueryClient } from '@tanstack/react-query';
import { Field } from '@/components/Field';
import { errorMessage } from '@/components/server-errors';
import { formatUsd } from '@/lib/format';
import { streamChat, type ChatMessage, type ChatSummary, type Feature } from '../api/stream-chat';

interface Turn extends ChatMessage {
  summary?: ChatSummary;
  stopped?: boolean;
}

/**
 * A conversation with one AI feature. The answer streams in as markdown; "stop" aborts it and the server
 * bills only what was produced. After each answer the usage queries refresh.
 */
export function ChatPanel({ feature, placeholder }: { feature: Feature; placeholder: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [input, setInput] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const send = async (e?: FormEvent) => {
    e?.preventDefault();
    const text = input.trim();
    if (!text || busy) return;
    const history: ChatMessage[] = [...turns.map(({ role, content }) => ({ role, content })), { role: 'user', content: text }];
    setTurns([...history, { role: 'assistant', content: '' }]);
    setInput('');
    setError(null);
    setBusy(true);
    const controller = new AbortController();
    abort.current = controller;
    const patchLast = (patch: (t: Turn) => Turn) => setTurns((all) => [...all.slice(0, -1), patch(all[all.length - 1]!)]);
    try {
      await streamChat(feature, history, {
        onDelta: (delta) => patchLast((turn) => ({ ...turn, content: turn.content + delta })),
        onDone: (summary) => patchLast((turn) => ({ ...turn, summary })),
      }, controller.signal);
    } catch (err) {
      if (controller.signal.aborted) {
        patchLast((turn) => ({ ...turn, stopped: true }));
      } else {
        setError(err);
        setTurns((all) => (all[all.length - 1]?.content ? all : all.slice(0, -1)));
      }
    } finally {
      setBusy(false);
      abort.current = null;
      void queryClient.invalidateQueries({ queryKey: ['me'] });
    }
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <div className="chat">
      <ol className="chat-log" aria-live="polite" aria-label={t('chat.conversation')}>
        {turns.length === 0 && <li className="muted chat-empty">{t(`chat.empty.${feature}`)}</li>}
        {turns.map((turn, i) => (
          <li key={i} className={`bubble bubble-${turn.role}`}>
            <span className="sr-only">{turn.role === 'user' ? t('chat.you') : t('chat.ai')}</span>
            {turn.role === 'assistant' ? <Markdown>{turn.content || '…'}</Markdown> : <p>{turn.content}</p>}
            {turn.summary && (
              <small className="muted">
                {t('chat.usage', { tokens: turn.summary.usage.total_tokens, model: turn.summary.model })}
                {turn.summary.cost !== null && ` · ${formatUsd(turn.summary.cost, i18n.language)}`}
              </small>
            )}
            {turn.stopped && <small className="muted">{t('chat.stopped')}</small>}
          </li>
        ))}
      </ol>
      {error != null && <p role="alert" className="form-error">{errorMessage(error)}</p>}
      <form className="chat-input" onSubmit={(e) => void send(e)}>
        <Field label={t('chat.message')}>
          <textarea rows={3} value={input} placeholder={placeholder} onChange={(e) => setInput(e.target.value)} onKeyDown={onKey} />
        </Field>
        <div className="chat-actions">
          {busy ? (
            <button type="button" className="button danger" onClick={() => abort.current?.abort()}>{t('chat.stop')}</button>
          ) : (
            <button type="submit" className="button primary" disabled={!input.trim()}>{t('chat.send')}</button>
          )}
          {turns.length > 0 && !busy && (
            <button type="button" className="button" onClick={() => setTurns([])}>{t('chat.newConversation')}</button>
          )}
        </div>
      </form>
    </div>
  );
}
