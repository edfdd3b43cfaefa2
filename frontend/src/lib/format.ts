import i18n from './i18n';

export function formatNumber(n: number, locale: string) {
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US').format(n);
}

export function formatUsd(n: number, locale: string) {
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency: 'USD' }).format(n);
}

/** Korean puts the family name first ("김 지우"); English the given name ("Ji-woo Kim"). */
export function fullName(u: { first_name: string; last_name: string; username: string }) {
  const parts = i18n.language === 'ko' ? [u.last_name, u.first_name] : [u.first_name, u.last_name];
  return parts.join(' ').trim() || u.username;
}

/** The calendar date of an instant in a zone, as a UTC day number, so two dates can be subtracted. */
function dayNumber(at: Date, timeZone: string) {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at).split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/**
 * When something resets, in the platform's zone and the reader's words: "내일 오전 0시", "tomorrow at 12 AM",
 * "12월 1일 오전 0시". Korean counts the hours after midnight from 0 (오전 0시) and noon as 오후 12시.
 */
export function formatResetTime(iso: string, timeZone: string, now: Date = new Date()) {
  const lang = i18n.language;
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const h = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  const hour = lang === 'ko' ? (h <= 12 ? h : h - 12) : h % 12 || 12;
  const period = i18n.t(h < 12 ? 'time.am' : 'time.pm');
  const clock = minute === 0
    ? i18n.t('time.clock', { period, hour })
    : i18n.t('time.clockMinutes', { period, hour, minute: String(minute).padStart(2, '0') });
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  const day = days === 0 || days === 1
    ? new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day')
    : new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { timeZone, month: lang === 'ko' ? 'long' : 'short', day: 'numeric' }).format(at);
  return i18n.t('time.dayAndClock', { day, clock });
}

/** How long until something may be tried again: "3분 후", "in 3 minutes". */
export function formatWait(seconds: number) {
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  if (seconds < 60) return rtf.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return rtf.format(Math.ceil(seconds / 60), 'minute');
  return rtf.format(Math.ceil(seconds / 3600), 'hour');
}
