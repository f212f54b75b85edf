import { AsyncLocalStorage } from 'node:async_hooks';
import type { WXContext } from '@kehou/shared/cloud';

/**
 * WeChat injects the caller's identity into each invocation; locally every invocation runs inside
 * its own async scope so that concurrent calls never see each other's caller.
 */
const storage = new AsyncLocalStorage<WXContext>();

export const LOCAL_APPID = 'wx-local-kehou';
export const LOCAL_ENV = 'local';

/** What started a run (WeChat's SOURCE): the mini-program, the timer trigger, WeChat Pay's callback. */
export type LocalSource = 'wx_client' | 'wx_trigger' | 'wx_paycallback';

export function runAs<T>(openid: string | null, fn: () => Promise<T>, source: LocalSource = 'wx_client'): Promise<T> {
  const context: WXContext = source === 'wx_client' ? { APPID: LOCAL_APPID, ENV: LOCAL_ENV, SOURCE: source } : { ENV: LOCAL_ENV, SOURCE: source };
  if (openid) context.OPENID = openid;
  return storage.run(context, fn);
}

export function currentWXContext(): WXContext {
  return { ...(storage.getStore() ?? { ENV: LOCAL_ENV }) };
}
