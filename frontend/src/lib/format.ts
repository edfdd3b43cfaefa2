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
