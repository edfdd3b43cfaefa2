import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './api-client';
import { formatDate, formatDateTime } from './format';

export function getTimeZone() {
  return api<{ time_zone: string }>('/api/time-zone');
}

/** The platform's zone (usage windows, the call log and billing months follow it); undefined while loading. */
export function usePlatformTimeZone(): string | undefined {
  const zone = useQuery({ queryKey: ['time-zone'], queryFn: getTimeZone, staleTime: Infinity, gcTime: Infinity });
  return zone.data?.time_zone;
}

/**
 * Every date and time on a screen, in the platform's zone and the app's language. Until the zone is known a
 * moment shows as empty rather than in the browser's zone.
 */
export function useDates() {
  const { i18n } = useTranslation();
  const zone = usePlatformTimeZone();
  const lang = i18n.language;
  const dateTime = useCallback((iso: string) => (zone ? formatDateTime(iso, lang, zone) : ''), [lang, zone]);
  const date = useCallback((iso: string) => (zone ? formatDate(iso, lang, zone) : ''), [lang, zone]);
  return useMemo(() => ({ zone, dateTime, date }), [zone, dateTime, date]);
}
