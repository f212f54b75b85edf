import { asData, defineAction, getAll, isDuplicateKeyError, isoNow } from '@kehou/shared/cloud';
import { feeNoticeMessage, type GuardianshipRecord } from '@kehou/shared';
import { formatYuan, noticeIdOf, noticePeriodInput, type FeeNoticeDoc, type IssueResult } from '@kehou/shared/fees';
import { computeNotices } from '../lib/notices';
import { periodText } from '../lib/views';

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
    const created: FeeNoticeDoc[] = [];
    let existing = 0;
    for (const { app, classGroup, row } of rows) {
      if (row.issued) {
        existing += 1;
        continue;
      }
      const notice: FeeNoticeDoc = {
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
      };
      try {
        await ctx.collection('feeNotices').add({ data: asData(notice) });
        created.push(notice);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        existing += 1; // issued at the same moment by another call
      }
    }
    if (created.length) {
      await ctx.audit(
        created.map((n) => ({ collection: 'feeNotices' as const, id: n._id })),
        `发出收费通知 ${created.length} 份（${period.from} 至 ${period.to}）`,
      );
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
