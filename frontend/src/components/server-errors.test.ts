import { describe, expect, it } from 'vitest';
import ko from '@/lib/locales/ko.json';
import en from '@/lib/locales/en.json';
import i18n from '@/lib/i18n';
import { ApiError } from '@/lib/api-client';
import { connectionTestCodeValues, errorCodeValues, violationCodeValues } from '@/types/api.gen';
import { errorMessage, violationLine } from './server-errors';

// Every code the server can answer (generated from its OpenAPI document) has words in both languages.
const registries = [
  { section: 'errors', codes: errorCodeValues },
  { section: 'violations', codes: violationCodeValues },
  { section: 'connectionTest', codes: connectionTestCodeValues },
] as const;

describe.each([{ lng: 'ko', words: ko }, { lng: 'en', words: en }])('$lng words', ({ words }) => {
  it.each(registries)('every $section code', ({ section, codes }) => {
    const table = words[section] as Record<string, unknown>;
    const missing = codes.filter((code) => typeof table[code] !== 'string' || !(table[code] as string).trim());
    expect(missing).toEqual([]);
  });
});

describe('error messages', () => {
  const body = { message: 'Server English fallback', violations: [] };

  it('word a code with its params and never show the server\'s message', () => {
    const e = new ApiError(409, { ...body, error: 'plan_in_use', params: { members: 3 } });
    expect(errorMessage(e)).toBe('3명의 회원이 이 요금제를 사용 중입니다. 다른 요금제로 옮기거나 비활성화하세요');
  });

  it('name the plan a refused feature is missing from, and the quota that was reached with its number', () => {
    const e = new ApiError(403, { ...body, error: 'feature_not_in_plan', params: { feature: 'analysis', plan: '무료 (제한적)', plans: ['기본형 ($10/월)'] } });
    expect(errorMessage(e)).toBe('지금 요금제(무료 (제한적))에는 이 기능이 포함되어 있지 않습니다');
    const tokens = new ApiError(429, { ...body, error: 'monthly_token_limit', params: { limit: 50000, needed: 1200, left: 300,
      reset_at: '2026-12-01T00:00:00+09:00', time_zone: 'Asia/Seoul', retry_after_seconds: 100 } });
    expect(errorMessage(tokens)).toContain('이번 달 토큰 한도(50,000)를 넘게 됩니다. 이 요청에는 최대 1,200 토큰이 필요한데 300 토큰 남았습니다.');
  });

  it('word a budget refusal as money, and as spent when nothing is left', async () => {
    const budget = { reset_at: '2026-12-01T00:00:00+09:00', time_zone: 'Asia/Seoul', retry_after_seconds: 100, currency: 'USD' };
    const short = new ApiError(429, { ...body, error: 'monthly_budget_limit', params: { ...budget, limit: '10.00', needed: '0.0088', left: '0.0072' } });
    expect(errorMessage(short)).toMatch(/^이번 달 예산\(US\$10\.00\)을 넘게 됩니다\. 이 요청에는 최대 US\$0\.0088까지 들 수 있는데 US\$0\.0072 남았습니다\. 12월 1일 .+에 초기화됩니다$/);
    const spent = new ApiError(429, { ...body, error: 'monthly_budget_limit', params: { ...budget, limit: '10.00', needed: '0.0088', left: '0.00' } });
    expect(errorMessage(spent)).toMatch(/^이번 달 예산\(US\$10\.00\)을 모두 사용했습니다\. 12월 1일 .+에 초기화됩니다$/);
    await i18n.changeLanguage('en');
    expect(errorMessage(short)).toMatch(/^This would go over this month's budget \(\$10\.00\): the request may cost up to \$0\.0088 and \$0\.0072 is left\. It resets /);
    expect(errorMessage(spent)).toMatch(/^You have used all of this month's budget \(\$10\.00\)\. It resets /);
    await i18n.changeLanguage('ko');
  });

  it('word a wait in the reader\'s language', async () => {
    const e = new ApiError(429, { ...body, error: 'too_many_attempts', params: { retry_after_seconds: 150 } });
    expect(errorMessage(e)).toBe('로그인 시도가 너무 많습니다. 3분 후에 다시 시도하세요');
    await i18n.changeLanguage('en');
    expect(errorMessage(e)).toBe('Too many failed logins. Try again in 3 minutes');
  });

  it('say what failed when the answer was not our error shape, or the server could not be reached', () => {
    expect(errorMessage(new ApiError(502, { message: 'Bad Gateway' }))).toBe('서버가 예상하지 못한 응답을 보냈습니다 (HTTP 502)');
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('서버에 연결할 수 없습니다. 네트워크를 확인하세요');
  });

  it('name a violation\'s field and row, and a closed set\'s values', () => {
    expect(violationLine({ field: 'email', code: 'invalid_email', params: { row: 2 }, message: 'x' })).toBe('2행 email: 올바른 이메일 주소가 아닙니다');
    expect(violationLine({ field: 'role', code: 'not_one_of', params: { allowed: ['superadmin', 'researcher'] }, message: 'x' }))
      .toBe('role: 다음 중 하나여야 합니다: superadmin, researcher');
    expect(violationLine({ field: 'api_key', code: 'required_for_provider', params: { provider: 'openai' }, message: 'x' }))
      .toBe('api_key: OpenAI에는 필수입니다');
  });
});
