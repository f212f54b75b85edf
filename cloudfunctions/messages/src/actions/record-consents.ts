import { implement } from '@kehou/shared/cloud';
import { messagesContract } from '@kehou/shared/contracts';
import { recordConsents as record } from '@kehou/shared/notify/server';

/** The answers of `wx.requestSubscribeMessage` at a tap: each accepted template counts one consent. */
export const recordConsents = implement(messagesContract.actions.recordConsents, async (ctx, input) => {
  const openid = ctx.caller.requireSignedIn();
  return { consents: await record(ctx, openid, input.moment, input.results) };
});
