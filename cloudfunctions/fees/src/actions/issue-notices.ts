import { defineAction, getAll, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { feeNoticeMessage, type GuardianshipRecord } from '@kehou/shared';
import { formatYuan, noticeIdOf, noticePeriodInput, type FeeNoticeDoc, type IssueResult } from '@kehou/shared/fees';
import { computeNotices } from '../lib/notices';
import { periodText } from '../lib/views';

/** Notices written (with their audit entry) per transaction. */
const ISSUE_BATCH = 50;

/**
 * Issues the period's notices (school admin). One notice per child and period (natural key
 * `${applicationId}:${from}:${to}`): issuing again creates nothing and changes nothing — an issued
 * notice is never rewritten (a correction would be a new notice for another period; re-issuing the
 * same period is refused by leaving the existing notice as it is and counting it as `existing`).
 * Every confirmed guardian of a child with a new notice is told.
 */
export const issueNotices = defineAction({
  input: noticePeriodInput,
  handler: async (ctx, input): Promise<IssueResult> => {
    const period = { from: input.from, to: input.to };
    const { rows, school } = await computeNotices(ctx, input.schoolId, input.termId, period);
    const openid = ctx.caller.requireSignedIn();
    const now = isoNow(ctx);
    let existing = rows.filter((r) => r.row.issued).length;
    const notices = rows.filter((r) => !r.row.issued).map(({ app, classGroup, row }): FeeNoticeDoc => ({
      _id: noticeIdOf(app._id, period),
      applicationId: app._id,
      studentId: app.studentId,
      studentName: app.studentName,
      classId: classGroup._id,
      className: classGroup.name,
      schoolId: school._id,
      termId: input.termId,
      profileId: school.profileId,
      period,
      grossFen: row.grossFen,
      chargeFen: row.chargeFen,
      exemptFen: row.exemptFen,
      governmentShareFen: row.governmentShareFen,
      lines: row.lines,
      status: 'issued',
      issuedAt: now,
      issuedBy: openid,
      revision: 1,
    }));
    // School-wide, in batches: each batch's notices and its audit entry are one transaction.
    const created: FeeNoticeDoc[] = [];
    for (let i = 0; i < notices.length; i += ISSUE_BATCH) {
      const batch = notices.slice(i, i + ISSUE_BATCH);
      const written = await writeAudited(ctx, async (t) => {
        const fresh: FeeNoticeDoc[] = [];
        for (const notice of batch) {
          if (await txGet(t, 'feeNotices', notice._id)) continue; // issued at the same moment by another call
          const { _id, ...data } = notice;
          await t.collection('feeNotices').doc(_id).set({ data: { ...data } });
          fresh.push(notice);
        }
        const note = fresh.length
          ? { targets: fresh.map((n) => ({ collection: 'feeNotices' as const, id: n._id })), summary: `发出收费通知 ${fresh.length} 份（${period.from} 至 ${period.to}）` }
          : null;
        return { result: fresh, note };
      });
      existing += batch.length - written.length;
      created.push(...written);
    }
    for (const notice of created) {
      const guardians = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ studentId: notice.studentId, status: 'confirmed' }));
      for (const guardian of guardians) {
        await ctx.notify(
          feeNoticeMessage({
            touser: guardian.openid,
            childName: notice.studentName,
            periodText: periodText(notice),
            amountYuan: formatYuan(notice.chargeFen).replace(' 元', '元'),
            note: notice.exemptFen > 0 ? '已按政策减免，详见通知' : '点开查看每一项的政策依据',
          }),
        );
      }
    }
    return { created: created.length, existing, noticeIds: rows.map((r) => noticeIdOf(r.app._id, period)) };
  },
});
