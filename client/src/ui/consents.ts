import { CONSENT_ASKS, type ConsentMoment } from '@kehou/shared';
import Taro from '@tarojs/taro';
import { api } from '../api';
import { newRequestId } from './request-id';

type Answer = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * At a tap where the person expects news (apply, sign, open a notice, bind…): asks WeChat's
 * subscription dialog for the templates that follow from there (`CONSENT_ASKS`), and records the
 * answers so the server can count each person's consents per template (a message is sent only
 * against one). Call it first thing in the tap handler: WeChat allows the dialog only from a tap.
 * In H5 (the local runtime, no WeChat) there is no dialog: the tap counts as 允许, so the local
 * outbox shows what WeChat would deliver. Declining or failing never blocks the tap's action.
 */
export async function askConsents(moment: ConsentMoment): Promise<void> {
  const tmplIds = [...CONSENT_ASKS[moment]];
  let results: Record<string, Answer> = {};
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as never)) as unknown as Record<string, string>;
      results = Object.fromEntries(tmplIds.filter((id) => typeof answer[id] === 'string').map((id) => [id, answer[id] as Answer]));
    } catch {
      return;
    }
  } else {
    results = Object.fromEntries(tmplIds.map((id) => [id, 'accept' as const]));
  }
  if (!Object.keys(results).length) return;
  // Not awaited by the tap's action: the count is bookkeeping.
  void api.messages.recordConsents({ moment, requestId: newRequestId('consent'), results }).catch(() => undefined);
}
