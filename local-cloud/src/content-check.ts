import type { MsgSecCheckParams, MsgSecCheckResult } from '@kehou/shared/cloud';

/**
 * The local stand-in for WeChat's `security.msgSecCheck` (version 2): the same parameters and the
 * same shape of answer, judged by a small word list instead of WeChat's models, so the path from a
 * parent's text to a refusal is exercised locally and in tests.
 */
export const BLOCKED_WORDS = ['赌博', '博彩', '代开发票', '办证刻章', '枪支弹药', '毒品', '色情', '裸聊'] as const;

/** Labels as WeChat names them: 100 normal, 20001 时政, 20002 色情, 20006 违法犯罪, 21000 其他. */
const LABELS: Record<string, number> = { 色情: 20002, 裸聊: 20002, 赌博: 20006, 博彩: 20006, 毒品: 20006, 枪支弹药: 20006 };

export async function localMsgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResult> {
  if (params?.version !== 2) throw Object.assign(new Error('openapi.security.msgSecCheck:fail invalid version'), { errCode: 47001 });
  if (!params.openid) throw Object.assign(new Error('openapi.security.msgSecCheck:fail invalid openid'), { errCode: 40003 });
  if (![1, 2, 3, 4].includes(params.scene)) throw Object.assign(new Error('openapi.security.msgSecCheck:fail invalid scene'), { errCode: 47001 });
  if (typeof params.content !== 'string' || params.content.length > 2500) {
    throw Object.assign(new Error('openapi.security.msgSecCheck:fail content too long'), { errCode: 47001 });
  }
  const hit = BLOCKED_WORDS.find((word) => params.content.includes(word));
  const label = hit ? (LABELS[hit] ?? 21000) : 100;
  return {
    errCode: 0,
    errMsg: 'openapi.security.msgSecCheck:ok',
    result: { suggest: hit ? 'risky' : 'pass', label },
    detail: [{ strategy: 'keyword', errcode: 0, suggest: hit ? 'risky' : 'pass', label, ...(hit ? { keyword: hit } : {}) }],
    trace_id: `local-${Date.now().toString(36)}`,
  };
}
