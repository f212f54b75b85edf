import type { ActionContext } from './context';
import { AppError } from './errors';
import type { MsgSecCheckParams } from './sdk';

/** WeChat's content check takes at most this many characters at once. */
const MAX_CONTENT = 2500;

/** 1 资料 (names on a profile), 2 评论 (a comment others read), 3 论坛, 4 社交日志. */
export type ContentScene = MsgSecCheckParams['scene'];
export const SCENE_PROFILE: ContentScene = 1;
export const SCENE_COMMENT: ContentScene = 2;

/** One piece of text a person wrote that others will read, with the words for it in a refusal. */
export interface WrittenText {
  label: string;
  text: string;
}

/**
 * Checks text a person wrote before anyone else reads it (WeChat's rules for user-generated
 * content): `security.msgSecCheck` version 2, on the caller's openid, all texts of one action in
 * one call (at most 2,500 characters each call). Anything but `pass` is refused with a clear
 * message and the action writes nothing; so is a check that could not be made (the text is never
 * shown unchecked). Call it after every other check of the action, just before writing.
 */
export async function checkWrittenText(ctx: ActionContext, texts: WrittenText[], scene: ContentScene = SCENE_COMMENT): Promise<void> {
  const present = texts.filter((t) => t.text.trim().length > 0);
  if (present.length === 0) return;
  const openid = ctx.caller.requireSignedIn();
  for (const batch of batches(present)) {
    const content = batch.map((t) => t.text).join('\n');
    let suggest: string | undefined;
    try {
      const answer = await ctx.cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content });
      const code = answer.errCode ?? answer.errcode ?? 0;
      if (code !== 0) throw Object.assign(new Error(answer.errMsg ?? 'msgSecCheck failed'), { errCode: code });
      suggest = answer.result?.suggest;
    } catch (error) {
      // Version 1 answered risky content with error 87014; version 2 answers with result.suggest.
      if ((error as { errCode?: number }).errCode === 87014) suggest = 'risky';
      else {
        console.warn(`[${ctx.functionName}] msgSecCheck not made`, error);
        throw new AppError('INTERNAL', '内容安全检查暂时无法完成，请稍后再提交');
      }
    }
    if (suggest !== 'pass') {
      const what = batch.map((t) => `「${t.label}」`).join('、');
      throw new AppError('INVALID_INPUT', `${what}含有不宜发布的内容，未能提交，请修改后再试`, { contentCheck: suggest ?? 'unknown' });
    }
  }
}

function batches(texts: WrittenText[]): WrittenText[][] {
  const out: WrittenText[][] = [];
  let current: WrittenText[] = [];
  let size = 0;
  for (const text of texts) {
    const length = text.text.length + 1;
    if (current.length && size + length > MAX_CONTENT) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push({ ...text, text: text.text.slice(0, MAX_CONTENT) });
    size += length;
  }
  if (current.length) out.push(current);
  return out;
}
