/** Whose usage the tab shows: everyone, one member, or one provider setting (the names are for the label). */
export interface UsageFilter {
  memberId?: number;
  memberName?: string;
  settingId?: number;
  settingName?: string;
}
