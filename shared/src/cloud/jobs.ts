/**
 * Jobs: school-wide work in bounded, resumable, idempotent steps (issue 10).
 *
 * A job document (`jobs`, id `${kind}:${scope}`) is created once by its start action. Each
 * `advanceJob` call does one step:
 *   1. takes the job's lease by a conditional update on its revision (of two calls at once, one
 *      takes it; the other answers "busy" and does nothing),
 *   2. runs the step: reads the next batch after the cursor (one `where` read, `_.in` lookups),
 *      writes it with `where().update()` conditional on each document's state, so doing a batch
 *      again changes nothing that was already changed,
 *   3. commits cursor, counts and state with the lease released, conditional on still holding it.
 * A step killed anywhere (WeChat's timeout) leaves the lease until it expires and the cursor where
 * it was: the next call after `LEASE_MS` does that batch again, harmlessly. Counts are committed
 * with the cursor, in one update, so they are added once per batch.
 *
 * Bulk writes and their audit entry cannot share a transaction (WeChat's transactions take
 * single documents only): steps use `updateManyAudited` (audited.ts), the entry first under an id
 * made of the job and the batch, then the change; a step killed in between finds the entry when
 * the batch is redone, and the change follows it. The job's own bookkeeping (lease, cursor,
 * counts) records progress, not a decision, and is not audited; its start and end are.
 */
import { randomBytes } from 'node:crypto';
import type { CollectionName } from '../domain/collections';
import { type JobDoc, type JobKind, type JobView, jobIdOf, jobViewOf } from '../jobs/types';
import { addAudited, auditEntry, txGet } from './audited';
import type { ActionContext } from './context';
import { findById } from './documents';
import { AppError } from './errors';

/** How long a step may hold its job: longer than a call can live (WeChat kills a call at 60 s at most; these functions at 20 s). */
export const LEASE_MS = 20_000;

/** What one step did: where it got to, what it covered, and whether the job is finished. */
export interface StepOutcome {
  cursor: string | null;
  phase?: string;
  /** Items this step covered (added to `done`), or `doneNow` to set the count outright. */
  done?: number;
  doneNow?: number;
  failed?: number;
  total?: number;
  /** Added to the job's result figures. */
  add?: Record<string, number>;
  finished: boolean;
}

export type JobStep = (ctx: ActionContext, job: JobDoc) => Promise<StepOutcome>;

export interface JobStart {
  kind: JobKind;
  scope: string;
  schoolId: string;
  termId?: string;
  params?: Record<string, unknown>;
  total: number;
  phase?: string;
  summary: string;
}

/** The job as it would be created (callers that create it in their own transaction write this). */
export function newJob(ctx: ActionContext, start: JobStart): JobDoc {
  const now = ctx.now().toISOString();
  return {
    _id: jobIdOf(start.kind, start.scope),
    kind: start.kind,
    scope: start.scope,
    schoolId: start.schoolId,
    ...(start.termId ? { termId: start.termId } : {}),
    state: 'running',
    cursor: null,
    phase: start.phase ?? 'main',
    done: 0,
    total: start.total,
    failed: 0,
    params: start.params ?? {},
    result: {},
    lease: null,
    steps: 0,
    revision: 0,
    startedAt: now,
    startedBy: ctx.caller.openid ?? '',
    updatedAt: now,
  };
}

export async function loadJob(ctx: ActionContext, jobId: string): Promise<JobDoc | null> {
  return findById<JobDoc>(ctx, 'jobs', jobId);
}

/**
 * Creates the job unless it exists (a retry, a double tap or a concurrent start get the same job).
 * `restart`: a finished job of the same scope runs again from the beginning (its steps are
 * idempotent, so a second run only does what the first did not).
 */
export async function startJob(ctx: ActionContext, start: JobStart, options: { restart?: boolean } = {}): Promise<JobDoc> {
  const id = jobIdOf(start.kind, start.scope);
  const existing = await loadJob(ctx, id);
  if (existing) {
    if (existing.state === 'running' || !options.restart) return existing;
    const fresh = { ...newJob(ctx, start), revision: existing.revision + 1 };
    const { _id, ...data } = fresh;
    const { stats } = await ctx.db
      .collection('jobs')
      .where({ _id: id, revision: existing.revision })
      .update({ data: { ...data, lease: null, error: ctx._.remove(), finishedAt: ctx._.remove(), params: ctx._.set(fresh.params), result: ctx._.set({}) } });
    return stats.updated ? fresh : ((await loadJob(ctx, id)) ?? fresh);
  }
  const job = newJob(ctx, start);
  if (await addAudited(ctx, 'jobs', job, start.summary)) return job;
  return (await loadJob(ctx, id)) ?? job;
}

/**
 * Advances the job by one step (or not at all: finished, failed, or another call holds it) and
 * answers what the screen shows. An AppError from the step fails the job with its message; any
 * other error releases the lease and is rethrown (the next call tries the step again).
 */
export async function advanceJob(ctx: ActionContext, job: JobDoc, step: JobStep): Promise<JobView> {
  const now = ctx.now();
  if (job.state !== 'running') return jobViewOf(job, now);
  if (job.lease && new Date(job.lease.until).getTime() > now.getTime()) return jobViewOf(job, now);

  const owner = randomBytes(8).toString('hex');
  const lease = { owner, until: new Date(now.getTime() + LEASE_MS).toISOString() };
  const jobs = ctx.db.collection('jobs');
  const taken = await jobs.where({ _id: job._id, revision: job.revision }).update({ data: { lease: ctx._.set(lease), revision: job.revision + 1 } });
  if (!taken.stats.updated) return jobViewOf((await loadJob(ctx, job._id)) ?? job, now);
  const held: JobDoc = { ...job, lease, revision: job.revision + 1 };

  let outcome: StepOutcome;
  try {
    outcome = await step(ctx, held);
  } catch (error) {
    if (!(error instanceof AppError)) {
      await jobs.where({ _id: job._id, 'lease.owner': owner }).update({ data: { lease: null, revision: held.revision + 1 } });
      throw error;
    }
    const failed: JobDoc = { ...held, state: 'failed', error: error.message, lease: null, revision: held.revision + 1, updatedAt: ctx.now().toISOString() };
    await jobs
      .where({ _id: job._id, 'lease.owner': owner })
      .update({ data: { state: 'failed', error: error.message, lease: null, revision: failed.revision, updatedAt: failed.updatedAt } });
    await audit(ctx, job._id, `任务失败：${error.message}`);
    return jobViewOf(failed, ctx.now(), true);
  }

  const result = { ...held.result };
  for (const [key, n] of Object.entries(outcome.add ?? {})) result[key] = (result[key] ?? 0) + n;
  const finishedAt = outcome.finished ? ctx.now().toISOString() : undefined;
  const next: JobDoc = {
    ...held,
    cursor: outcome.cursor,
    phase: outcome.phase ?? held.phase,
    done: outcome.doneNow ?? held.done + (outcome.done ?? 0),
    failed: held.failed + (outcome.failed ?? 0),
    total: outcome.total ?? held.total,
    result,
    lease: null,
    steps: held.steps + 1,
    revision: held.revision + 1,
    state: outcome.finished ? 'done' : 'running',
    updatedAt: ctx.now().toISOString(),
    ...(finishedAt ? { finishedAt } : {}),
  };
  if (outcome.finished && next.total < next.done) next.total = next.done;
  const { _id, params: _params, ...data } = next;
  const committed = await jobs.where({ _id: job._id, 'lease.owner': owner }).update({ data: { ...data, lease: null, result: ctx._.set(result) } });
  if (!committed.stats.updated) return jobViewOf((await loadJob(ctx, job._id)) ?? next, ctx.now()); // the lease ran out and another call took over
  if (outcome.finished) await audit(ctx, job._id, `任务完成：${next.done} 项${next.failed ? `，${next.failed} 项未完成` : ''}`);
  return jobViewOf(next, ctx.now(), true);
}

async function audit(ctx: ActionContext, jobId: string, summary: string): Promise<void> {
  await ctx.db.collection('audit').add({ data: { ...auditEntry(ctx, { targets: [{ collection: 'jobs', id: jobId }], summary }) } });
}

/** Splits ids into groups `_.in` takes (WeChat: at most a few hundred values per query; we stay at 100). */
export function chunks<T>(items: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * New documents of a batch in one `add({ data: [...] })` with their audit entry: the entry first
 * (under the batch's id, found again when a killed step redoes the batch), then the documents. The
 * caller has read which exist; the add is all-or-nothing, so a document created meanwhile fails
 * it whole and the step is tried again. Returns how many documents the batch created, counted
 * from its entry when a killed step had already written them (so a job's counts are never low).
 */
export async function addManyAudited(
  ctx: ActionContext,
  collection: CollectionName,
  batchId: string,
  docs: readonly { _id: string }[],
  summary: string,
): Promise<number> {
  const entryId = `batch:${batchId}`;
  if (!docs.length) return (await findById<{ targets: unknown[] }>(ctx, 'audit', entryId))?.targets.length ?? 0;
  const created = await ctx.db.runTransaction(async (t) => {
    const entry = await txGet<{ targets: unknown[] }>(t, 'audit', entryId);
    if (entry) return entry.targets.length;
    await t
      .collection('audit')
      .doc(entryId)
      .set({ data: { ...auditEntry(ctx, { targets: docs.map((d) => ({ collection, id: d._id })), summary }) } });
    return docs.length;
  });
  await ctx.db.collection(collection).add({ data: docs.map((d) => ({ ...d })) as never });
  return created;
}
