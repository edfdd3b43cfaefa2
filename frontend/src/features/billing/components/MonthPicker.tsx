import { useTranslation } from 'react-i18next';
import { addMonths, formatMonth } from '@/lib/format';

const MONTHS_BACK = 24;

/**
 * A month ("YYYY-MM") from the last two years, named in the app's language, with previous/next buttons. The
 * browser's month input would be a wide box worded in the browser's language.
 */
export function MonthPicker({ value, latest, onChange, label }: { value: string; latest: string; onChange: (month: string) => void; label: string }) {
  const { t, i18n } = useTranslation();
  const months = Array.from({ length: MONTHS_BACK }, (_, i) => addMonths(latest, -i));
  const earliest = months[months.length - 1]!;
  return (
    <div className="month-picker">
      <button type="button" className="button small" aria-label={t('monthPicker.previous')} disabled={value <= earliest}
        onClick={() => onChange(addMonths(value, -1))}>‹</button>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {months.map((m) => <option key={m} value={m}>{formatMonth(m, i18n.language)}</option>)}
      </select>
      <button type="button" className="button small" aria-label={t('monthPicker.next')} disabled={value >= latest}
        onClick={() => onChange(addMonths(value, 1))}>›</button>
    </div>
  );
}
