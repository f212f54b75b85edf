import { checkWrittenText } from './content-check';
import type { ActionContext } from './context';
import type { MsgSecCheckParams, MsgSecCheckResult } from './sdk';

/** A context whose only working part is the content check (the caller is signed in as `openid`). */
function contextWith(check: (params: MsgSecCheckParams) => Promise<MsgSecCheckResult>, openid: string | null = 'o-parent') {
  const calls: MsgSecCheckParams[] = [];
  const ctx = {
    functionName: 'test',
    caller: {
      requireSignedIn: () => {
        if (!openid) throw new Error('not signed in');
        return openid;
      },
    },
    cloud: { openapi: { security: { msgSecCheck: (p: MsgSecCheckParams) => (calls.push(p), check(p)) } } },
  } as unknown as ActionContext;
  return { ctx, calls };
}
const verdict = (suggest: 'pass' | 'risky' | 'review') => async () => ({ errCode: 0, result: { suggest, label: suggest === 'pass' ? 100 : 20006 } });

describe('checkWrittenText (security.msgSecCheck version 2)', () => {
  it('asks once for all texts of an action, with the caller’s openid, version 2 and the scene', async () => {
    const { ctx, calls } = contextWith(verdict('pass'));
    await checkWrittenText(ctx, [
      { label: '姓名', text: '张三' },
      { label: '说明', text: '' },
      { label: '原因', text: '孩子发烧' },
    ]);
    expect(calls).toEqual([{ openid: 'o-parent', scene: 2, version: 2, content: '张三\n孩子发烧' }]);
  });

  it('nothing written: no call at all', async () => {
    const { ctx, calls } = contextWith(verdict('pass'), null);
    await checkWrittenText(ctx, [{ label: '说明', text: '  ' }]);
    expect(calls).toHaveLength(0);
  });

  it('risky and review are both refused, naming the fields', async () => {
    for (const suggest of ['risky', 'review'] as const) {
      const { ctx } = contextWith(verdict(suggest));
      await expect(checkWrittenText(ctx, [{ label: '请假原因', text: '……' }])).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: '「请假原因」含有不宜发布的内容，未能提交，请修改后再试',
      });
    }
  });

  it('version 1’s error 87014 is a refusal; any other failure fails closed (the text is never shown unchecked)', async () => {
    const risky = contextWith(async () => Promise.reject(Object.assign(new Error('risky content'), { errCode: 87014 })));
    await expect(checkWrittenText(risky.ctx, [{ label: '意见内容', text: 'x' }])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const down = contextWith(async () => Promise.reject(Object.assign(new Error('system busy'), { errCode: -1 })));
    await expect(checkWrittenText(down.ctx, [{ label: '意见内容', text: 'x' }])).rejects.toMatchObject({
      code: 'INTERNAL',
      message: '内容安全检查暂时无法完成，请稍后再提交',
    });
    const answered = contextWith(async () => ({ errCode: 61010, errMsg: 'openid not active' }));
    await expect(checkWrittenText(answered.ctx, [{ label: '意见内容', text: 'x' }])).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('more than 2,500 characters go in several calls', async () => {
    const { ctx, calls } = contextWith(verdict('pass'));
    await checkWrittenText(ctx, [
      { label: 'a', text: 'x'.repeat(2000) },
      { label: 'b', text: 'y'.repeat(2000) },
    ]);
    expect(calls.map((c) => c.content.length)).toEqual([2000, 2000]);
  });
});
