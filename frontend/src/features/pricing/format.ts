/** A price per 1M tokens in USD, with as many decimals as it has (up to 6): $0.075, $2.50, $15.00. */
export function formatPrice(n: number, lang: string) {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', {
    style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6,
  }).format(n);
}

/** A calendar date ("2026-08-21", no time or zone) as the language writes it. */
export function formatDay(day: string, lang: string) {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { timeZone: 'UTC', dateStyle: 'medium' })
    .format(new Date(`${day}T00:00:00Z`));
}
