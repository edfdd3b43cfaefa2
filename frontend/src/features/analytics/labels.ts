import type { TFunction } from 'i18next';
import { fullName } from '@/lib/format';
import type { AnalyticsGroup, AnalyticsMember, AnalyticsReport } from '@/types/api';
import type { GroupBy } from './filters';

/** A group of the report as people call it: a feature or channel in words, a deleted member or setting by id. */
export function groupLabel(t: TFunction, groupBy: GroupBy, group: AnalyticsGroup) {
  if (group.rest) return t('analytics.rest');
  if (group.key === null) return t(groupBy === 'member' ? 'analytics.noMember' : 'analytics.none');
  switch (groupBy) {
    case 'feature':
      return t(`analytics.features.${group.key}`, { defaultValue: group.key });
    case 'channel':
      return t(`analytics.channels.${group.key}`, { defaultValue: group.key });
    case 'member':
      return group.label ?? t('analytics.deletedMember', { id: group.key });
    case 'setting':
    case 'plan':
      return group.label ?? t('analytics.deleted', { id: group.key });
    default:
      return group.key;
  }
}

export function memberLabel(t: TFunction, member: Pick<AnalyticsMember, 'member_id' | 'username' | 'first_name' | 'last_name'>) {
  if (member.member_id === null) return t('analytics.noMember');
  if (member.username === null) return t('analytics.deletedMember', { id: member.member_id });
  return fullName({ username: member.username, first_name: member.first_name ?? '', last_name: member.last_name ?? '' });
}

/** A period as an axis shows it: 11-25 (day), 2026-11 (month), 11-25 13:00 (hour). */
export function periodLabel(report: Pick<AnalyticsReport, 'granularity'>, period: string) {
  if (report.granularity === 'day') return period.slice(5);
  if (report.granularity === 'hour') return `${period.slice(5, 10)} ${period.slice(11, 16)}`;
  return period;
}
