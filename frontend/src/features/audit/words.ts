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

/** A field's value as text: — for none, JSON for lists and objects. */
export function valueText(value: unknown) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
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
