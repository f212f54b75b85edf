import { type ActionContext, getAll } from '../../cloud';
import type { GuardianshipRecord } from '../../enrollment/types';
import { feeNoticeMessage } from '../../notify/templates';
import { type BillingPeriod, formatYuan } from '../../policy';
import type { FeeNoticeDoc } from '../types';

/** Tells every confirmed guardian of each notice's child, once per notice. */
export async function tellGuardians(ctx: ActionContext, notices: FeeNoticeDoc[], period: Pick<BillingPeriod, 'label'>): Promise<void> {
  if (!notices.length) return;
  const guardians = await getAll<GuardianshipRecord>(
    ctx.collection('guardianships').where({ studentId: ctx._.in([...new Set(notices.map((n) => n.studentId))]), status: 'confirmed' }),
  );
  for (const notice of notices) {
    for (const guardian of guardians.filter((g) => g.studentId === notice.studentId)) {
      await ctx.notify(
        feeNoticeMessage({
          touser: guardian.openid,
          childName: notice.studentName,
          periodText: notice.supersedes ? `${period.label}（更正）` : period.label,
          amountYuan: formatYuan(notice.dueFen).replace(' 元', '元'),
          note: noteOf(notice),
        }),
      );
    }
  }
}

function noteOf(notice: FeeNoticeDoc): string {
  if (notice.creditFen > 0) return `多缴的${formatYuan(notice.creditFen).replace(' 元', '元')}将退还`;
  if (notice.dueFen === 0) return '本期无需缴费';
  if (notice.exemptFen > 0) return '已按政策减免，详见通知';
  return '点开查看每一项的政策依据';
}
