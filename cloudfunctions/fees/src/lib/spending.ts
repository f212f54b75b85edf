import { PAYEE_TYPE_LABELS, SPENDING_CATEGORY_LABELS, type SpendingDoc, type SpendingRow } from '@kehou/shared/fees';

export function spendingRow(doc: SpendingDoc): SpendingRow {
  return {
    spendingId: doc._id,
    date: doc.date,
    category: doc.category,
    categoryLabel: SPENDING_CATEGORY_LABELS[doc.category],
    payeeType: doc.payeeType,
    payeeTypeLabel: PAYEE_TYPE_LABELS[doc.payeeType],
    payee: doc.payee,
    description: doc.description,
    amountFen: doc.amountFen,
    ...(doc.classHours === undefined ? {} : { classHours: doc.classHours }),
    ...(doc.attachment ? { attachmentName: doc.attachment.name } : {}),
    voided: doc.voided ? { reason: doc.voided.reason, at: doc.voided.at } : null,
  };
}
