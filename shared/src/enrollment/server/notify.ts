import { type ActionContext, getAll, type SubscribeMessage } from '../../cloud';
import { APPLICATION_STATUS_SHORT, type ApplicationDoc, enrollmentStatusMessage, type GuardianshipRecord } from '../../index';
import type { NotifyOptions } from '../../notify/server/queue';

/** Every confirmed guardian of the child (a child can have several). */
export async function confirmedGuardians(ctx: ActionContext, studentId: string): Promise<GuardianshipRecord[]> {
  return getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ studentId, status: 'confirmed' }));
}

/** Queues one message to each confirmed guardian of the child. */
export async function notifyGuardians(
  ctx: ActionContext,
  studentId: string,
  build: (openid: string) => SubscribeMessage,
  options?: NotifyOptions,
): Promise<void> {
  for (const guardian of await confirmedGuardians(ctx, studentId)) await ctx.notify(build(guardian.openid), options);
}

/** The status-change message for an application: one per guardian and revision of the application. */
export function notifyStatus(ctx: ActionContext, app: ApplicationDoc, note: string): Promise<void> {
  return notifyGuardians(
    ctx,
    app.studentId,
    (touser) =>
      enrollmentStatusMessage({
        touser,
        childName: app.studentName,
        status: APPLICATION_STATUS_SHORT[app.status],
        note,
        at: ctx.now(),
        page: `parent/application/index?applicationId=${encodeURIComponent(app._id)}`,
      }),
    { thing: `${app._id}@${app.revision}` },
  );
}

/** The status-change message for many applications: their guardians read at once, one message each per child. */
export async function notifyStatusMany(ctx: ActionContext, apps: readonly ApplicationDoc[], note: (app: ApplicationDoc) => string): Promise<void> {
  if (!apps.length) return;
  const guardians = await getAll<GuardianshipRecord>(
    ctx.collection('guardianships').where({ studentId: ctx._.in([...new Set(apps.map((a) => a.studentId))]), status: 'confirmed' }),
  );
  for (const app of apps) {
    for (const guardian of guardians.filter((g) => g.studentId === app.studentId)) {
      await ctx.notify(
        enrollmentStatusMessage({
          touser: guardian.openid,
          childName: app.studentName,
          status: APPLICATION_STATUS_SHORT[app.status],
          note: note(app),
          at: ctx.now(),
          page: `parent/application/index?applicationId=${encodeURIComponent(app._id)}`,
        }),
      );
    }
  }
}
