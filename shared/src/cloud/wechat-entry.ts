import type { CloudFunction } from './router';
import type { CloudSdk } from './sdk';

/** Turns a cloud function into WeChat's `exports.main`, initialising the real SDK once. */
export function wechatMain(sdk: unknown, fn: CloudFunction) {
  const cloud = sdk as CloudSdk & { DYNAMIC_CURRENT_ENV: unknown };
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return (event: unknown, context: unknown) => fn(cloud, event, context);
}
