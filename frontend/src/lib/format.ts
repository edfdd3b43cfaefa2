export function formatNumber(n: number, locale: string) {
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US').format(n);
}

export function formatUsd(n: number, locale: string) {
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency: 'USD' }).format(n);
}

export function fullName(u: { first_name: string; last_name: string; username: string }) {
  const name = `${u.first_name} ${u.last_name}`.trim();
  return name || u.username;
}
