import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { formatNumber, formatUsd } from '@/lib/format';
import type { Turn } from '../conversations';

/** One message: the member's text, or the AI's markdown with what it cost, or where it was stopped. */
export function ChatTurn({ turn, streaming }: { turn: Turn; streaming: boolean }) {
  const { t, i18n } = useTranslation();
  if (turn.role !== 'assistant') {
    return (
      <li className="bubble bubble-user">
        <span className="sr-only">{t('chat.you')}</span>
        <p>{turn.content}</p>
      </li>
    );
  }
  return (
    <li className="bubble bubble-assistant">
      <span className="sr-only">{t('chat.ai')}</span>
      {turn.content ? <Markdown>{turn.content}</Markdown>
        : streaming ? <p className="muted">{t('chatTurn.waiting')}</p>
        : turn.stopped ? <p className="muted">{t('chatTurn.stoppedBeforeAnswer')}</p> : null}
      {turn.summary && (
        <small className="muted">
          {t('chat.usage', { count: turn.summary.usage.total_tokens, tokens: formatNumber(turn.summary.usage.total_tokens, i18n.language), model: turn.summary.model })}
          {turn.summary.cost !== null && ` · ${formatUsd(turn.summary.cost, i18n.language)}`}
        </small>
      )}
      {turn.stopped && turn.content && <small className="muted stopped-note">{t('chat.stopped')}</small>}
    </li>
  );
}
