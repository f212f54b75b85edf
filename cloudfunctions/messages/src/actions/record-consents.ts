import { implement } from '@kehou/shared/cloud';
import { messagesContract } from '@kehou/shared/contracts';
import { recordConsents as record } from '@kehou/shared/notify/server';

/** The answers of `wx.requestSubscribeMessage` at a tap: each accepted template counts one consent. */
export const recordConsents = implement(messagesContract.actions.recordConsents, async (ctx, input) => {
  const openid = ctx.caller.requireSignedIn();
  const consents = await record(ctx, openid, input.moment, input.requestId, input.results);
  const accepted = Object.keys(input.results).filter((id) => input.results[id] === 'accept');
  if (accepted.length) {
    await ctx.audit(
      accepted.map((templateId) => ({ collection: 'messageConsents', id: `${templateId}:${openid}` })),
      `允许消息（${input.moment}）：${accepted.length} 个模板`,
    );
  }
  return { consents };
});
