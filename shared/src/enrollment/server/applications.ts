import { type ActionContext, conflict, findById, getAll, invalidState, isoNow, updateAudited, updateManyAudited } from '../../cloud';
import { type ApplicationDoc, type ApplicationEvent, type HistoryEntry, type TransitionFacts, transition } from '../../index';

export async function loadApplication(ctx: ActionContext, id: string): Promise<ApplicationDoc | null> {
  return findById<ApplicationDoc>(ctx, 'applications', id);
}

/** Refuses when the caller worked on an older version of the application. */
export function requireRevision(app: ApplicationDoc, revision: number): void {
  if (app.revision !== revision) throw conflict('这份报名刚刚有了变化，请刷新后再操作');
}

export interface MoveOptions {
  facts?: TransitionFacts;
  /** Fields to set with the status (objects are replaced whole). */
  set?: Partial<ApplicationDoc>;
  /** Fields to remove. */
  unset?: (keyof ApplicationDoc)[];
  note?: string;
  /** Who the history names: a guardian by the name they bound with (the router's scope.guardianName); staff by their own. */
  byName?: string;
}

/**
 * Fires an event of the state machine on an application: a conditional update on (_id, status,
 * revision), so of two people acting at once exactly one succeeds and the other is told to
 * refresh. Records history, and the audit entry with the change. Returns the application as written.
 */
export async function moveApplication(ctx: ActionContext, app: ApplicationDoc, event: ApplicationEvent, options: MoveOptions = {}): Promise<ApplicationDoc> {
  const result = transition(app.status, event, options.facts);
  if (!result.ok) throw invalidState(result.message);
  const now = isoNow(ctx);
  const entry: HistoryEntry = {
    at: now,
    status: result.to,
    by: ctx.caller.openid ?? '',
    byName: options.byName ?? ctx.caller.user?.name ?? '',
    ...(options.note ? { note: options.note } : {}),
  };
  const data: Record<string, unknown> = {
    status: result.to,
    revision: app.revision + 1,
    updatedAt: now,
    history: ctx._.push([entry]),
  };
  for (const [key, value] of Object.entries(options.set ?? {})) {
    data[key] = value !== null && typeof value === 'object' && !Array.isArray(value) ? ctx._.set(value) : value;
  }
  for (const key of options.unset ?? []) data[key] = ctx._.remove();
  const summary = `${app.status} → ${result.to}${options.note ? `：${options.note}` : ''}`;
  const moved = await updateAudited(ctx, 'applications', app._id, { status: app.status, revision: app.revision }, data, summary);
  if (!moved) throw conflict('这份报名刚刚被其他人处理过，请刷新后再试');
  const updated: ApplicationDoc = {
    ...app,
    ...(options.set ?? {}),
    status: result.to,
    revision: app.revision + 1,
    updatedAt: now,
    history: [...app.history, entry],
  };
  for (const key of options.unset ?? []) delete (updated as unknown as Record<string, unknown>)[key];
  return updated;
}

/** A write that keeps the status (e.g. the list is fixed, a new version signed): still conditional. */
export async function patchApplication(ctx: ActionContext, app: ApplicationDoc, set: Partial<ApplicationDoc>, summary: string): Promise<ApplicationDoc | null> {
  const now = isoNow(ctx);
  const data = { ...set, revision: app.revision + 1, updatedAt: now };
  if (!(await updateAudited(ctx, 'applications', app._id, { status: app.status, revision: app.revision }, data, summary))) return null;
  return { ...app, ...set, revision: app.revision + 1, updatedAt: now };
}

/** An application as the reviewer saw it: a bulk decision moves it only if it has not changed since. */
export interface SeenApplication {
  applicationId: string;
  revision: number;
}

/**
 * Fires one event on many applications at once, all in the status `from`: one conditional
 * `where(...).update(...)` (each document still in `from` at the revision given), with one audit
 * entry (updateManyAudited), then one read of what this batch moved. A retry with the same
 * `batchId` moves what is left and answers the same set, so a decision killed part-way and sent
 * again is made once. Returns the applications the batch moved, as written.
 */
export async function moveApplications(
  ctx: ActionContext,
  seen: readonly { _id: string; revision: number }[],
  from: ApplicationDoc['status'],
  event: ApplicationEvent,
  options: { batchId: string; note: string; set?: Partial<ApplicationDoc> },
): Promise<ApplicationDoc[]> {
  if (!seen.length) return [];
  const result = transition(from, event);
  if (!result.ok) throw invalidState(result.message);
  const now = isoNow(ctx);
  const entry: HistoryEntry = { at: now, status: result.to, by: ctx.caller.openid ?? '', byName: ctx.caller.user?.name ?? '', note: options.note };
  const ids = seen.map((a) => a._id);
  const where = ctx._.or(seen.map((a) => ({ _id: a._id, status: from, revision: a.revision })));
  const data = { ...(options.set ?? {}), status: result.to, revision: ctx._.inc(1), updatedAt: now, history: ctx._.push([entry]), lastBatch: options.batchId };
  await updateManyAudited(ctx, 'applications', options.batchId, ids, where, data, `${from} → ${result.to}：${options.note}（批量 ${ids.length} 份）`);
  return getAll<ApplicationDoc>(ctx.collection('applications').where({ _id: ctx._.in(ids), lastBatch: options.batchId }));
}
