/**
 * Subscription consents (collection `messageConsents`), counted per person and template. WeChat
 * gives one send per accepted one-time consent and has no API to ask how many are left, so the
 * product keeps the count: `wx.requestSubscribeMessage` answers are recorded here (recordConsents),
 * the drain consumes one per message sent, and WeChat's 43101 ("no consent left") sets it to 0.
 */
import type { ActionContext } from '../../cloud/context';
import { isDuplicateKeyError } from '../../cloud/errors';
import { type ConsentCount, type ConsentMoment, TEMPLATE_TITLES } from '../types';

/** More consents than this for one template are not counted (a client cannot inflate it without bound). */
export const MAX_CONSENTS = 50;

export interface ConsentDoc {
  _id: string;
  openid: string;
  templateId: string;
  /** Consents not yet used by a message. */
  remaining: number;
  accepted: number;
  used: number;
  lastMoment?: ConsentMoment;
  /** The tap last counted: the same call sent again (a retry after a timeout) counts nothing. */
  lastRequestId?: string;
  updatedAt: string;
}

export const consentIdOf = (openid: string, templateId: string) => `${templateId}:${openid}`;

/** Counts each accepted template once (one tap, one consent, a retried tap none), and answers what the person has left. */
export async function recordConsents(
  ctx: ActionContext,
  openid: string,
  moment: ConsentMoment,
  requestId: string,
  results: Record<string, string>,
): Promise<ConsentCount[]> {
  const accepted = Object.entries(results)
    .filter(([, answer]) => answer === 'accept')
    .map(([templateId]) => templateId);
  const at = ctx.now().toISOString();
  const _ = ctx._;
  for (const templateId of accepted) {
    const id = consentIdOf(openid, templateId);
    const bumped = await ctx
      .collection('messageConsents')
      .where({ _id: id, remaining: _.lt(MAX_CONSENTS), lastRequestId: _.neq(requestId) })
      .update({ data: { remaining: _.inc(1), accepted: _.inc(1), lastMoment: moment, lastRequestId: requestId, updatedAt: at } });
    if (bumped.stats.updated) continue;
    const doc: ConsentDoc = { _id: id, openid, templateId, remaining: 1, accepted: 1, used: 0, lastMoment: moment, lastRequestId: requestId, updatedAt: at };
    try {
      await ctx.collection('messageConsents').add({ data: { ...doc } });
    } catch (error) {
      // Exists: at the cap, or this tap already counted (a retry), or added by a concurrent tap (counted there).
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return consentsOf(ctx, openid);
}

export async function consentsOf(ctx: ActionContext, openid: string): Promise<ConsentCount[]> {
  const { data } = await ctx.collection('messageConsents').where({ openid }).limit(100).get();
  const byTemplate = new Map((data as ConsentDoc[]).map((d) => [d.templateId, d.remaining]));
  return Object.entries(TEMPLATE_TITLES).map(([templateId, title]) => ({ templateId, title, remaining: byTemplate.get(templateId) ?? 0 }));
}

/** Uses one consent; false (nothing changed) when none is left. */
export async function consumeConsent(ctx: ActionContext, openid: string, templateId: string): Promise<boolean> {
  const _ = ctx._;
  const { stats } = await ctx
    .collection('messageConsents')
    .where({ _id: consentIdOf(openid, templateId), remaining: _.gt(0) })
    .update({ data: { remaining: _.inc(-1), used: _.inc(1), updatedAt: ctx.now().toISOString() } });
  return Boolean(stats.updated);
}

/** WeChat said there is none left (43101): our count was wrong, it is 0 now. */
export async function clearConsent(ctx: ActionContext, openid: string, templateId: string): Promise<void> {
  await ctx
    .collection('messageConsents')
    .where({ _id: consentIdOf(openid, templateId) })
    .update({ data: { remaining: 0, updatedAt: ctx.now().toISOString() } });
}
