/** Billing's money as people read it; USD to the cent lives in lib/format (formatUsd). */
const locale = (lang: string) => (lang === 'ko' ? 'ko-KR' : 'en-US');

/** A usage cost: small amounts keep four decimals ($0.0035). */
export function formatCost(usd: number, lang: string) {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(usd);
}

/** Won, whole: ₩27,710. */
export function formatKrw(krw: number, lang: string) {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 }).format(krw);
}

export function formatRate(rate: number, lang: string) {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(rate);
}
