import { defineAction, findById } from '@kehou/shared/cloud';
import { decideInput } from '@kehou/shared/enrollment/schemas';
import type { ApplicationStatus, Publication } from '@kehou/shared';
import { applicationForStaff, moveApplication, requireRevision, joinClubs, type Placement, notifyStatus } from '@kehou/shared/enrollment/server';

/**
 * The school's review (学校审核) after the class teacher's: approve, or send back for correction.
 * On approval each chosen club with a capacity gives a place in approval order, or a waiting-list
 * place with its position.
 */
export const decide = defineAction({
  input: decideInput,
  handler: async (ctx, input): Promise<{ applicationId: string; status: ApplicationStatus; revision: number; placements: (Placement & { name: string })[] }> => {
    const app = await applicationForStaff(ctx, input.applicationId, ['admin']);
    requireRevision(app, input.revision);
    if (input.decision === 'return') {
      const updated = await moveApplication(ctx, app, 'school-return', { set: { returnReason: input.reason }, note: input.reason });
      await notifyStatus(ctx, updated, `请修改：${input.reason}`);
      return { applicationId: updated._id, status: updated.status, revision: updated.revision, placements: [] };
    }
    const updated = await moveApplication(ctx, app, 'school-approve', { note: '学校审核通过' });
    const publication = await findById<Publication>(ctx, 'publications', updated.publicationId);
    const items = publication?.content.items ?? [];
    const placements = (await joinClubs(ctx, updated, items)).map((p) => ({ ...p, name: items.find((i) => i.id === p.itemId)?.name ?? '' }));
    const waiting = placements.filter((p) => p.placement === 'waiting');
    await notifyStatus(
      ctx,
      updated,
      waiting.length ? `审核通过；${waiting.map((p) => `${p.name}候补第${p.position}位`).join('，')}` : '审核通过，等待名单公示',
    );
    return { applicationId: updated._id, status: updated.status, revision: updated.revision, placements };
  },
});
