import { sha256 } from '@kehou/shared';
import { addAudited, findById, implement, invalidState, isFileIn, isoNow } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { formatYuan, type SpendingDoc } from '@kehou/shared/fees';
import { spendingRow } from '../lib/spending';

/**
 * 开支登记 (school admin): what the fee income was spent on — staff pay by class hours, external
 * staff, consumables, utilities… with date, amount, payee type and an optional attachment — so the
 * periodic public disclosure of spending is produced from recorded data. Once per form (requestId).
 */
export const recordSpending = implement(feesContract.actions.recordSpending, async (ctx, input) => {
  if (input.attachment && !isFileIn(input.attachment.fileId, `spending/${input.schoolId}`)) throw invalidState('附件不在本校的开支附件目录中');
  const id = `sp-${sha256(`${input.schoolId}:${input.requestId}`).slice(0, 28)}`;
  const doc: SpendingDoc = {
    _id: id,
    schoolId: input.schoolId,
    date: input.date,
    category: input.category,
    payeeType: input.payeeType,
    payee: input.payee,
    description: input.description,
    amountFen: input.amountFen,
    ...(input.classHours === undefined ? {} : { classHours: input.classHours }),
    ...(input.attachment ? { attachment: input.attachment } : {}),
    recordedBy: ctx.caller.openid ?? '',
    recordedAt: isoNow(ctx),
  };
  // A double tap or a retry of the same form: the first entry stands.
  if (!(await addAudited(ctx, 'spending', doc, `登记开支：${input.payee} ${formatYuan(input.amountFen)}`))) {
    return spendingRow((await findById<SpendingDoc>(ctx, 'spending', id))!);
  }
  return spendingRow(doc);
});
