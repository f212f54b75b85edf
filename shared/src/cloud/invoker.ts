import type { CloudSdk } from './sdk';

/**
 * Who started this run of a function, as WeChat's context says: a person (an OPENID), the timer
 * trigger (SOURCE wx_trigger), WeChat Pay's callback (wx_paycallback), or something else. SOURCE is
 * the call chain, first link first ("wx_client,scf"). The event never decides it: a client can send
 * `{ Type: 'Timer' }` or a pay result by calling the function by name.
 */
export type Invoker = 'person' | 'timer' | 'payCallback' | 'other';

export function invokerOf(cloud: CloudSdk): Invoker {
  const { OPENID, SOURCE } = cloud.getWXContext();
  if (OPENID) return 'person';
  const origin = (SOURCE ?? '').split(',')[0];
  if (origin === 'wx_trigger') return 'timer';
  if (origin === 'wx_paycallback') return 'payCallback';
  return 'other';
}

/** A timer event sent by WeChat's timer trigger itself. */
export function isTimerRun(cloud: CloudSdk, event: unknown): boolean {
  return (event as { Type?: unknown } | null)?.Type === 'Timer' && invokerOf(cloud) === 'timer';
}
