import type { FunctionName } from '@kehou/shared';
import Taro from '@tarojs/taro';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown };

/**
 * Every call to the cloud goes through here. In the mini-program it is Taro.cloud.callFunction;
 * in H5 (where Taro.cloud is a stub that resolves with an error text) it is HTTP to the local
 * runtime, which injects the signed-in caller as WeChat does.
 */
export async function callFunction<T>(name: FunctionName, action: string, data: object = {}): Promise<T> {
  const answer = process.env.TARO_ENV === 'h5' ? await callOverHttp<T>(name, action, data) : await callInWeChat<T>(name, action, data);
  if (!answer || typeof answer !== 'object' || !('ok' in answer)) throw new ApiError('INTERNAL', '服务没有正确响应，请稍后再试');
  if (!answer.ok) throw new ApiError(answer.code, answer.message, answer.details);
  return answer.data;
}

async function callInWeChat<T>(name: FunctionName, action: string, data: object): Promise<Answer<T>> {
  const response = await Taro.cloud.callFunction({ name, data: { action, data } });
  return response.result as Answer<T>;
}

async function callOverHttp<T>(name: FunctionName, action: string, data: object): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/functions/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action, data }),
    });
  } catch {
    throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试');
  }
  return (await response.json()) as Answer<T>;
}
