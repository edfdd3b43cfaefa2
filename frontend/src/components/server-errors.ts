import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import i18n from '@/lib/i18n';
import { ApiError } from '@/lib/api-client';
import { formatResetTime, formatUsdExact, formatWait } from '@/lib/format';
import type { Violation } from '@/types/api';

/** Fields that name the request as a whole: their problems read without a field name. */
const WHOLE_REQUEST = ['body', 'header'];

/**
 * The interpolation values of a code's params, worded for the reader: times in the platform's zone,
 * waits as "3분 후", amounts as numbers or — with a currency (the budget's, USD as decimal strings) — as money,
 * lists joined, provider names as the SPA calls them. Nothing left of a budget selects the words' "spent" form.
 */
export function wordedParams(params: Record<string, unknown>) {
  const values: Record<string, unknown> = { ...params };
  if (typeof params.reset_at === 'string') {
    const zone = typeof params.time_zone === 'string' ? params.time_zone : Intl.DateTimeFormat().resolvedOptions().timeZone;
    values.resetAt = formatResetTime(params.reset_at, zone);
  }
  if (typeof params.retry_after_seconds === 'number') values.wait = formatWait(params.retry_after_seconds);
  const money = params.currency === 'USD';
  for (const amount of ['limit', 'needed', 'left']) {
    const value = params[amount];
    if (money && typeof value === 'string') values[amount] = formatUsdExact(Number(value), i18n.language);
    else if (typeof value === 'number') values[amount] = value.toLocaleString(i18n.language === 'ko' ? 'ko-KR' : 'en-US');
  }
  if (money && typeof params.left === 'string' && Number(params.left) === 0) values.context = 'spent';
  if (Array.isArray(params.allowed)) values.allowed = params.allowed.join(', ');
  if (typeof params.provider === 'string') values.provider = i18n.t(`settings.providers.${params.provider}`);
  return values;
}

/** One field's problem in the reader's words, without the field. */
export function violationMessage(v: Violation) {
  // A code newer than this build of the SPA still reads as a sentence.
  const key = i18n.exists(`violations.${v.code}`) ? `violations.${v.code}` : 'violations.invalid';
  return i18n.t(key, wordedParams(v.params));
}

/** One field's problem with its field (and CSV row), for a list of problems. */
export function violationLine(v: Violation) {
  const message = violationMessage(v);
  const field = WHOLE_REQUEST.includes(v.field) ? null : v.field;
  if (typeof v.params.row === 'number') {
    return i18n.t(field ? 'violations.inRowField' : 'violations.inRow', { row: v.params.row, field, message });
  }
  return field ? i18n.t('violations.ofField', { field, message }) : message;
}

/** Any failure in the reader's words: an API error by its code and params, never the server's English message. */
export function errorMessage(error: unknown) {
  if (error instanceof ApiError) {
    // Not our error shape, or a code newer than this build of the SPA: say what little is known.
    const worded = error.code !== 'unknown' && i18n.exists(`errors.${error.code}`);
    return worded
      ? i18n.t(`errors.${error.code}`, wordedParams(error.params))
      : i18n.t('errors.unknown', { status: error.status });
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  return error instanceof TypeError ? i18n.t('errors.network') : i18n.t('common.error');
}

/** Puts the server's field violations on the form's fields; returns the message for the rest. */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const unplaced: Violation[] = [];
  for (const v of error.violations) {
    if (fields.includes(v.field)) {
      setError(v.field as Path<T>, { type: 'server', message: violationMessage(v) });
    } else {
      unplaced.push(v);
    }
  }
  if (error.violations.length === 0) return errorMessage(error);
  return unplaced.length === 0 ? null : unplaced.map(violationLine).join(' · ');
}
