import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/lib/api-client';

/** Puts the server's field violations on the form's fields; returns the message for the rest. */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  let unplaced = false;
  for (const v of error.violations) {
    if (fields.includes(v.field)) {
      setError(v.field as Path<T>, { type: 'server', message: v.message });
    } else {
      unplaced = true;
    }
  }
  return error.violations.length === 0 || unplaced ? error.message : null;
}
