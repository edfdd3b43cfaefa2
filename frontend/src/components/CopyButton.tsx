import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a text and says for a moment that it did ("복사됨") or could not, also to screen readers. */
export function CopyButton({ text, label, className = 'button small' }: { text: string; label?: string; className?: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 2000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <button type="button" className={className} onClick={() => void copy()}>
      <span aria-live="polite">{outcome === 'copied' ? t('common.copied') : outcome === 'failed' ? t('copy.failed') : (label ?? t('common.copy'))}</span>
    </button>
  );
}
