import { asData, chinaToday, conflict, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { HANDOVER_LABELS, type HandoverDoc, handoverIdOf, toHandoverView } from '@kehou/shared/serviceday';
import { aloneAllowed, loadClassDay, pickersOf } from '../lib/class-day';

const STALE = '这个孩子的交接刚刚在另一台设备上记录过，请刷新后再改';

/**
 * The teacher on duty records how a child left today: handed to one of the adults of the
 * application's pick-up arrangement (chosen by position, never typed), went home alone (only with
 * the signed go-home-alone permit, 003 §七3), or still waiting. One document per child and day,
 * written on the revision the teacher saw; a flag raised for a child still waiting stays on the
 * record when the child is handed over later.
 */
export const recordHandover = implement(servicedayContract.actions.recordHandover, async (ctx, input, { doc: classGroup }) => {
  if (input.date !== chinaToday(ctx)) throw invalidState('只能记录今天的放学交接');
  const day = await loadClassDay(ctx, classGroup, input.date);
  const app = day.children.find((a) => a.studentId === input.studentId);
  if (!app) throw invalidState('这个孩子今天不在本班课后服务名单上');
  let picker: HandoverDoc['picker'] = null;
  if (input.kind === 'picker') {
    const chosen = pickersOf(app)[input.pickerIndex ?? -1];
    if (!chosen) throw invalidState('请从报名时填写的接送人中选择；名单以外的人接孩子，须由家长提前告知班主任');
    picker = { name: chosen.name, relation: chosen.relation };
  }
  if (input.kind === 'alone' && !aloneAllowed(app)) throw invalidState('这个孩子没有已签署的独自回家证，不能独自离校，请等候接送人');

  const current = day.handovers.get(app.studentId) ?? null;
  if ((current?.revision ?? 0) !== input.revision) throw conflict(STALE);
  if (current && current.kind === input.kind && current.picker?.name === picker?.name && current.picker?.relation === picker?.relation) {
    return { studentId: app.studentId, handover: toHandoverView(current), revision: current.revision };
  }
  const openid = ctx.caller.requireSignedIn();
  const id = handoverIdOf(app.studentId, input.date);
  const doc: HandoverDoc = {
    _id: id,
    studentId: app.studentId,
    studentName: app.studentName,
    schoolId: classGroup.schoolId,
    classId: classGroup._id,
    className: classGroup.name,
    termId: day.term._id,
    date: input.date,
    kind: input.kind,
    picker,
    at: isoNow(ctx),
    by: openid,
    byName: ctx.caller.user?.name ?? '',
    flagged: current?.flagged ?? false,
    flaggedAt: current?.flaggedAt ?? null,
    revision: input.revision + 1,
  };
  await writeAudited(ctx, async (t) => {
    const stored = await txGet<HandoverDoc>(t, 'handovers', id);
    if ((stored?.revision ?? 0) !== input.revision) throw conflict(STALE);
    const { _id, ...data } = doc;
    await t
      .collection('handovers')
      .doc(id)
      .set({ data: asData({ ...data, flagged: stored?.flagged ?? false, flaggedAt: stored?.flaggedAt ?? null }) });
    const to = picker ? `：${picker.relation}${picker.name}` : '';
    return {
      result: undefined,
      note: { targets: [{ collection: 'handovers' as const, id }], summary: `${app.studentName} ${HANDOVER_LABELS[input.kind]}${to}` },
    };
  });
  return { studentId: app.studentId, handover: toHandoverView(doc), revision: doc.revision };
});
