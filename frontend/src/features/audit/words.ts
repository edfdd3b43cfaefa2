import type { TFunction } from 'i18next';
import i18n from '@/lib/i18n';

/** An action in the reader's words ("가격 변경"), or its code when this build of the SPA does not know it. */
export function actionLabel(t: TFunction, action: string) {
  return i18n.exists(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action;
}

/** A kind of entity in the reader's words ("모델 가격"), or its code. */
export function entityLabel(t: TFunction, entityType: string) {
  return i18n.exists(`audit.entities.${entityType}`) ? t(`audit.entities.${entityType}`) : entityType;
}

/** A moment to the second in the platform's zone: two values of a field can differ by seconds. */
export function formatMoment(iso: string, lang: string, timeZone: string) {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    timeZone, dateStyle: 'medium', timeStyle: 'medium', ...(lang === 'ko' ? { hourCycle: 'h23' as const } : {}),
  }).format(new Date(iso));
}

/** A moment as the API writes it (2026-11-25T15:39:16.682Z, 2026-11-26T00:39:20+09:00). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A field's value as text: — for none, JSON for lists and objects, and a moment in the platform's zone (an entry's
 * before and after may write the same moment with different offsets).
 */
export function valueText(value: unknown, dateTime: (iso: string) => string) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return DATE_TIME.test(value) ? dateTime(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Every field of the entity before and after, the changed ones first (in the order the entity has them). */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = fields.map((field) => {
    const b = before?.[field];
    const a = after?.[field];
    return { field, before: b, after: a, changed: before === null || after === null || JSON.stringify(b) !== JSON.stringify(a) };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
