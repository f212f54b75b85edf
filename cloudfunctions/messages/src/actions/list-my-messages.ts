import { implement } from '@kehou/shared/cloud';
import { messagesContract } from '@kehou/shared/contracts';
import { type MessageRecordDoc, toMessageView } from '@kehou/shared/notify/server';

/** The messages sent to the caller (and those that could not be), newest first: the last 50. */
export const listMyMessages = implement(messagesContract.actions.listMyMessages, async (ctx) => {
  const openid = ctx.caller.requireSignedIn();
  const { data } = await ctx.collection('messageQueue').where({ kind: 'message', touser: openid }).orderBy('at', 'desc').limit(50).get();
  return (data as MessageRecordDoc[]).map(toMessageView);
});
