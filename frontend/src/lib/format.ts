import i18n from './i18n';

/** The Intl locale for the app's language. */
function localeOf(lang: string) {
  return lang === 'ko' ? 'ko-KR' : 'en-US';
}

export function formatNumber(n: number, lang: string) {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

export function formatUsd(n: number, lang: string) {
  return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'USD' }).format(n);
}

/** USD to the micro-dollar where it matters: "$10.00", "$0.0072" (a call's cost is often less than a cent). */
export function formatUsdExact(n: number, lang: string) {
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6,
  }).format(n);
}

const HANGUL_OR_HANJA = /^[\p{Script=Hangul}\p{Script=Han}]+$/u;

/**
 * A member's name as it is written: a Korean name is family name then given name with no space ("김지우"),
 * in either language. Other names follow the language: family first in Korean ("Kim Ji-woo"), given first in
 * English ("Ji-woo Kim").
 */
export function fullName(u: { first_name: string; last_name: string; username: string }, lang: string = i18n.language) {
  const first = u.first_name.trim();
  const last = u.last_name.trim();
  if (HANGUL_OR_HANJA.test(first) && HANGUL_OR_HANJA.test(last)) return last + first;
  const parts = lang === 'ko' ? [last, first] : [first, last];
  return parts.filter(Boolean).join(' ') || u.username;
}

/**
 * A moment as a date and time in the platform's zone. Korean uses the 24-hour clock, so midnight reads
 * "0:00"/"00:00" rather than "오전 12:00".
 */
export function formatDateTime(iso: string, lang: string, timeZone: string) {
  return new Intl.DateTimeFormat(localeOf(lang), {
    timeZone, dateStyle: 'medium', timeStyle: 'short', ...(lang === 'ko' ? { hourCycle: 'h23' as const } : {}),
  }).format(new Date(iso));
}

/** A moment's calendar date in the platform's zone. */
export function formatDate(iso: string, lang: string, timeZone: string) {
  return new Intl.DateTimeFormat(localeOf(lang), { timeZone, dateStyle: 'medium' }).format(new Date(iso));
}

/** A month named in the language: "2026년 11월", "November 2026". `month` is "YYYY-MM". */
export function formatMonth(month: string, lang: string) {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'UTC', year: 'numeric', month: 'long' })
    .format(new Date(Date.UTC(year!, m! - 1, 1)));
}

/** The month ("YYYY-MM") a moment falls in, in the platform's zone. */
export function monthOf(moment: Date, timeZone: string) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(moment).slice(0, 7);
}

/** The month before or after `month` ("YYYY-MM"). */
export function addMonths(month: string, delta: number) {
  const [year, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year!, m! - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
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
