import i18n from '@/lib/i18n';
import { wordedParams } from '@/components/server-errors';
import type { ConnectionTestResult } from '@/types/api';

/** What a connection test found, in the reader's words (the server answers a code and its params). */
export function connectionTestMessage(result: ConnectionTestResult) {
  const retry = result.code === 'rate_limited' && typeof result.params.retry_after_seconds === 'number';
  return i18n.t(retry ? 'connectionTest.rate_limited_retry' : `connectionTest.${result.code}`, wordedParams(result.params));
}
