/**
 * Sends queued messages (queue.ts) in bounded steps: one queue document per step, at most
 * BATCH_SIZE messages, about four database round trips each. Each message is claimed by its
 * natural key before it is sent (a record with that id is added; a second drain, a retry or the
 * same message queued twice finds it and skips); it is sent only against a consent (consents.ts),
 * and what cannot be sent is kept as `held` with the person's schools and classes, for the school
 * to see. A claim whose run was killed before it said how the send went (still `sending` after
 * CLAIM_LEASE_MS, longer than any function may run) is taken over and sent by a later step, with
 * the consent the first run already used: a kill never loses a message, and only a kill in the
 * instant between WeChat's answer and the record's update can send one twice. The batch stays
 * queued until every message of it is settled.
 */
import type { ActionContext } from '../../cloud/context';
import { isDuplicateKeyError } from '../../cloud/errors';
import { getAll } from '../../cloud/paging';
import type { SubscribeMessage } from '../../cloud/sdk';
import type { UserDoc } from '../../domain/people';
import type { GuardianshipRecord } from '../../enrollment/types';
import { type ConsentDoc, clearConsent, consentIdOf, consumeConsent } from './consents';
import { type MessageRecordDoc, type QueueBatchDoc, type QueuedMessage, recordIdOf } from './queue';

export interface DrainStepResult {
  /** Queue documents finished by this step (0: the queue was empty). */
  batches: number;
  sent: number;
  held: number;
  failed: number;
  /** Already handled (a retry, a second drain, a duplicate). */
  skipped: number;
}

/** WeChat's answer when the person has no consent left for the template. */
const NO_CONSENT_ERRCODE = 43101;

/** Longer than a cloud function may run (60 s at most): a claim older than this lost its run. */
export const CLAIM_LEASE_MS = 90_000;

export async function drainStep(ctx: ActionContext): Promise<DrainStepResult> {
  const result: DrainStepResult = { batches: 0, sent: 0, held: 0, failed: 0, skipped: 0 };
  const { data } = await ctx.collection('messageQueue').where({ kind: 'batch', status: 'queued' }).orderBy('seq', 'asc').limit(1).get();
  const batch = data[0] as QueueBatchDoc | undefined;
  if (!batch) return result;
  const messages = batch.messages;
  const _ = ctx._;
  const ids = messages.map((m) => recordIdOf(m.key));
  const records = (
    await ctx
      .collection('messageQueue')
      .where({ _id: _.in(ids) })
      .field({ status: true, handledAt: true })
      .limit(100)
      .get()
  ).data as Pick<MessageRecordDoc, '_id' | 'status' | 'handledAt'>[];
  const now = ctx.now().getTime();
  const abandoned = records.filter((r) => r.status === 'sending' && now - Date.parse(r.handledAt) > CLAIM_LEASE_MS);
  const inFlight = records.filter((r) => r.status === 'sending' && !abandoned.includes(r));
  const done = new Set(records.filter((r) => !abandoned.includes(r)).map((d) => d._id));
  const claimedAt = new Map(abandoned.map((r) => [r._id, r.handledAt]));
  const people = [...new Set(messages.map((m) => m.touser))];
  const consentIds = [...new Set(messages.map((m) => consentIdOf(m.touser, m.templateId)))];
  const consents = new Map(
    (
      (
        await ctx
          .collection('messageConsents')
          .where({ _id: _.in(consentIds) })
          .limit(100)
          .get()
      ).data as ConsentDoc[]
    ).map((c) => [c._id, c.remaining]),
  );
  const places = await placesOf(ctx, people);

  for (const message of messages) {
    const id = recordIdOf(message.key);
    if (done.has(id)) {
      result.skipped++;
      continue;
    }
    done.add(id);
    const consentId = consentIdOf(message.touser, message.templateId);
    const left = consents.get(consentId) ?? 0;
    const record = recordOf(ctx, id, message, places.get(message.touser));
    const earlierClaim = claimedAt.get(id);
    if (earlierClaim !== undefined) {
      // Its run used a consent and was killed before saying how the send went: send it now.
      if (!(await takeOver(ctx, id, earlierClaim))) {
        result.skipped++;
        continue;
      }
      const outcome = await send(ctx, message);
      tally(result, outcome);
      await settle(ctx, id, outcome);
      continue;
    }
    if (left <= 0) {
      if (await claim(ctx, { ...record, status: 'held', reason: 'no-consent' })) result.held++;
      else result.skipped++;
      continue;
    }
    if (!(await claim(ctx, { ...record, status: 'sending' }))) {
      result.skipped++;
      continue;
    }
    if (!(await consumeConsent(ctx, message.touser, message.templateId))) {
      consents.set(consentId, 0);
      await mark(ctx, id, 'held', 'no-consent');
      result.held++;
      continue;
    }
    consents.set(consentId, left - 1);
    const outcome = await send(ctx, message);
    if (outcome === 'no-consent') {
      consents.set(consentId, 0);
      await clearConsent(ctx, message.touser, message.templateId);
    }
    tally(result, outcome);
    await settle(ctx, id, outcome);
  }
  // A message another run is sending right now: the batch waits for its answer (the next step sees it).
  if (inFlight.length > 0) return { ...result, batches: 0 };
  await ctx
    .collection('messageQueue')
    .where({ _id: batch._id, status: 'queued' })
    .update({ data: { status: 'done', doneAt: ctx.now().toISOString() } });
  result.batches = 1;
  return result;
}

/** Runs drain steps until the queue is empty or `budgetMs` has passed (a timer call has a few seconds). */
export async function drainQueue(ctx: ActionContext, budgetMs = 15_000, maxSteps = 100): Promise<DrainStepResult & { steps: number }> {
  const total = { batches: 0, sent: 0, held: 0, failed: 0, skipped: 0, steps: 0 };
  const started = Date.now();
  while (total.steps < maxSteps && Date.now() - started < budgetMs) {
    const step = await drainStep(ctx);
    total.steps++;
    if (!step.batches) break;
    total.batches += step.batches;
    total.sent += step.sent;
    total.held += step.held;
    total.failed += step.failed;
    total.skipped += step.skipped;
  }
  return total;
}

function recordOf(ctx: ActionContext, id: string, message: QueuedMessage, place: Place | undefined): MessageRecordDoc {
  return {
    ...message,
    _id: id,
    kind: 'message',
    status: 'sending',
    schoolIds: [...(place?.schoolIds ?? [])],
    classIds: [...(place?.classIds ?? [])],
    handledAt: ctx.now().toISOString(),
  };
}

async function claim(ctx: ActionContext, record: MessageRecordDoc): Promise<boolean> {
  try {
    await ctx.collection('messageQueue').add({ data: { ...record } as unknown as Record<string, unknown> });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Takes over a claim its run abandoned, unless another step just did (the claim's time is the condition). */
async function takeOver(ctx: ActionContext, id: string, earlierClaim: string): Promise<boolean> {
  const { stats } = await ctx
    .collection('messageQueue')
    .where({ _id: id, status: 'sending', handledAt: earlierClaim })
    .update({ data: { handledAt: ctx.now().toISOString() } });
  return stats.updated === 1;
}

type SendOutcome = Awaited<ReturnType<typeof send>>;

function tally(result: DrainStepResult, outcome: SendOutcome): void {
  if (outcome === 'sent') result.sent++;
  else if (outcome === 'no-consent') result.held++;
  else result.failed++;
}

async function settle(ctx: ActionContext, id: string, outcome: SendOutcome): Promise<void> {
  await mark(ctx, id, outcome === 'sent' ? 'sent' : outcome === 'no-consent' ? 'held' : 'failed', outcome === 'sent' ? undefined : outcome);
}

async function mark(ctx: ActionContext, id: string, status: MessageRecordDoc['status'], reason?: string): Promise<void> {
  await ctx
    .collection('messageQueue')
    .doc(id)
    .update({ data: { status, handledAt: ctx.now().toISOString(), ...(reason ? { reason } : {}) } });
}

async function send(ctx: ActionContext, message: QueuedMessage): Promise<'sent' | 'no-consent' | 'error'> {
  const wire: SubscribeMessage = { touser: message.touser, templateId: message.templateId, data: message.data };
  if (message.page) wire.page = message.page;
  if (message.miniprogramState) wire.miniprogramState = message.miniprogramState;
  try {
    await ctx.cloud.openapi.subscribeMessage.send(wire);
    return 'sent';
  } catch (error) {
    const code = (error as { errCode?: number }).errCode;
    if (code === NO_CONSENT_ERRCODE) return 'no-consent';
    console.warn('[messages] subscribe message not sent', error);
    return 'error';
  }
}

interface Place {
  schoolIds: Set<string>;
  classIds: Set<string>;
}

/** The schools and classes each person belongs to: as a guardian (guardianships) or as staff (roles). */
async function placesOf(ctx: ActionContext, openids: string[]): Promise<Map<string, Place>> {
  const places = new Map<string, Place>(openids.map((o) => [o, { schoolIds: new Set(), classIds: new Set() }]));
  const _ = ctx._;
  const guardianships = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ openid: _.in(openids), status: 'confirmed' }));
  for (const g of guardianships) {
    places.get(g.openid)?.schoolIds.add(g.schoolId);
    places.get(g.openid)?.classIds.add(g.classId);
  }
  const { data } = await ctx
    .collection('users')
    .where({ _id: _.in(openids) })
    .limit(100)
    .get();
  for (const user of data as UserDoc[]) {
    const place = places.get(user._id);
    if (!place) continue;
    for (const role of user.roles ?? []) {
      if ('schoolId' in role && typeof role.schoolId === 'string') place.schoolIds.add(role.schoolId);
      if ('classIds' in role && Array.isArray(role.classIds)) for (const c of role.classIds) place.classIds.add(c);
    }
  }
  return places;
}
