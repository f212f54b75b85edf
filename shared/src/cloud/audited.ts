/**
 * A change and its audit entry land together.
 *
 * Each helper here makes its writes and adds the audit entry in one transaction
 * (`db.runTransaction`): in WeChat a database transaction, locally one commit that reaches the disk
 * as one unit. A crash, a timeout or a failed write between the change and its entry can therefore
 * leave neither without the other.
 *
 * Inside a transaction WeChat allows single-document operations only (`doc(id).get/set/update/remove`),
 * so a condition on other fields (a status, a revision) is checked on the document as the same
 * transaction read it: WeChat's transactions abort (and runTransaction retries) when someone
 * else writes it in between, so such a check is as safe as a conditional `where(...).update(...)`.
 */
import { randomBytes } from 'node:crypto';
import type { CollectionName } from '../domain/collections';
import type { ActionContext, AuditTarget } from './context';
import { isNotFoundError } from './errors';
import type { TransactionRef } from './sdk';

export interface AuditNote {
  targets: AuditTarget[];
  summary: string;
}

export interface AuditEntry {
  openid: string;
  action: string;
  at: unknown;
  targets: AuditTarget[];
  summary: string;
}

/** Audit entry ids: time-ordered, and unique without a round trip. */
export function newAuditId(now = Date.now()): string {
  return `${now.toString(36)}-${randomBytes(6).toString('hex')}`;
}

export function auditEntry(ctx: Pick<ActionContext, 'db' | 'caller' | 'functionName' | 'actionName'>, note: AuditNote): AuditEntry {
  return {
    openid: ctx.caller.openid ?? '',
    action: `${ctx.functionName}.${ctx.actionName}`,
    at: ctx.db.serverDate(),
    targets: note.targets,
    summary: note.summary,
  };
}

/** A document read inside a transaction, or null when it does not exist. */
export async function txGet<T>(t: TransactionRef, collection: CollectionName, id: string): Promise<T | null> {
  try {
    const { data } = await t.collection(collection).doc(id).get();
    return (data as T) ?? null;
  } catch (error) {
    if (isNotFoundError(error)) return null;
    throw error;
  }
}

/** Adds the audit entry inside a transaction the caller runs. */
export async function auditIn(ctx: ActionContext, t: TransactionRef, note: AuditNote): Promise<void> {
  await t
    .collection('audit')
    .doc(newAuditId())
    .set({ data: { ...auditEntry(ctx, note) } });
}

/**
 * Runs `write` and adds the note it returns, in one transaction. A null note means nothing was
 * changed: no entry. Throwing (or an AppError) rolls everything back.
 */
export async function writeAudited<T>(ctx: ActionContext, write: (t: TransactionRef) => Promise<{ result: T; note: AuditNote | null }>): Promise<T> {
  return ctx.db.runTransaction(async (t) => {
    const { result, note } = await write(t);
    if (note) await auditIn(ctx, t, note);
    return result;
  });
}

const one = (collection: CollectionName, id: string, summary: string): AuditNote => ({ targets: [{ collection, id }], summary });

/** Adds `doc` with its entry; false (nothing written) when a document with its `_id` exists. */
export async function addAudited(ctx: ActionContext, collection: CollectionName, doc: { _id: string }, summary: string): Promise<boolean> {
  return writeAudited(ctx, async (t) => {
    if (await txGet(t, collection, doc._id)) return { result: false, note: null };
    const { _id, ...data } = doc as Record<string, unknown>;
    await t.collection(collection).doc(String(_id)).set({ data });
    return { result: true, note: one(collection, doc._id, summary) };
  });
}

/** Field values a document must still have; `undefined`: the field must be absent. */
export type Expected = Record<string, string | number | boolean | null | undefined>;

export function hasExpected(doc: Record<string, unknown>, expected: Expected): boolean {
  return Object.entries(expected).every(([key, value]) => (value === undefined ? doc[key] === undefined : doc[key] === value));
}

/**
 * Updates the document with its entry if it exists and still has the `expected` values (what
 * `where({ _id, ...expected }).update(...)` did); false, writing nothing, when it does not.
 */
export async function updateAudited(
  ctx: ActionContext,
  collection: CollectionName,
  id: string,
  expected: Expected,
  data: Record<string, unknown>,
  summary: string,
): Promise<boolean> {
  return writeAudited(ctx, async (t) => {
    const current = await txGet<Record<string, unknown>>(t, collection, id);
    if (!current || !hasExpected(current, expected)) return { result: false, note: null };
    await t.collection(collection).doc(id).update({ data });
    return { result: true, note: one(collection, id, summary) };
  });
}

/** Creates or replaces the document, with its entry. */
export async function setAudited(ctx: ActionContext, collection: CollectionName, id: string, data: Record<string, unknown>, summary: string): Promise<void> {
  await writeAudited(ctx, async (t) => {
    await t.collection(collection).doc(id).set({ data });
    return { result: undefined, note: one(collection, id, summary) };
  });
}

/** Removes the document with its entry; false when there was none. */
export async function removeAudited(ctx: ActionContext, collection: CollectionName, id: string, summary: string): Promise<boolean> {
  return writeAudited(ctx, async (t) => {
    if (!(await txGet(t, collection, id))) return { result: false, note: null };
    await t.collection(collection).doc(id).remove();
    return { result: true, note: one(collection, id, summary) };
  });
}

/**
 * One change to many documents at once (`where(...).update(...)`: one round trip, however many
 * documents), with one audit entry naming them all. WeChat's transactions touch single documents
 * only, so the two cannot share one: the entry is written first, under the natural id
 * `batch:<batchId>` (a retry of the same batch finds it and adds no second one), then the update,
 * whose `where` holds the conditions (a status, a revision) so a document already changed is never
 * changed twice. A call killed in between leaves the entry of a change not yet made, never a
 * change without its entry; the retry makes it. Returns how many documents were updated.
 */
export async function updateManyAudited(
  ctx: ActionContext,
  collection: CollectionName,
  batchId: string,
  targetIds: readonly string[],
  where: Record<string, unknown>,
  data: Record<string, unknown>,
  summary: string,
): Promise<number> {
  if (!targetIds.length) return 0;
  const entryId = `batch:${batchId}`;
  await ctx.db.runTransaction(async (t) => {
    if (await txGet(t, 'audit', entryId)) return;
    const note: AuditNote = { targets: targetIds.map((id) => ({ collection, id })), summary };
    await t
      .collection('audit')
      .doc(entryId)
      .set({ data: { ...auditEntry(ctx, note) } });
  });
  const { stats } = await ctx.collection(collection).where(where).update({ data });
  return stats.updated ?? 0;
}
