import type { LedgerFigure } from './schemas';
import type { FeeNoticeDoc, PaymentDoc, RefundDoc, RefundPayoutDoc } from './types';

/**
 * 专账: a school term's fee account, from the notices, payments, refunds and payouts themselves
 * (pure; the fees function reads the documents). Every figure is integer fen and drillable to
 * the documents behind it; the checks show it balances to the fen.
 */
export interface LedgerTotals {
  /** Current notices: one per child and period (superseded ones are not counted twice). */
  notices: number;
  grossFen: number;
  waivedFen: number;
  governmentShareFen: number;
  chargedFen: number;
  paidWechatFen: number;
  paidOfflineFen: number;
  paidFen: number;
  /** Still owed on current notices. */
  outstandingFen: number;
  /** Paid back because a correction lowered a paid period (approved; paid out or on its way). */
  correctionRefundsFen: number;
  /** Paid back on a parent's application under the profile's refund method. */
  requestRefundsFen: number;
  /** Of those, on notices still current (they lower what the family keeps paid without a new notice). */
  requestRefundsOnCurrentFen: number;
  /** Of all refunds, already back with the family. */
  refundedFen: number;
  /** Of all refunds, not yet back with the family. */
  refundPendingFen: number;
  corrections: number;
  correctionsNetFen: number;
  /** Money paid twice for one notice and paid back in full (not income). */
  duplicateFen: number;
}

export interface LedgerCheck {
  label: string;
  leftFen: number;
  rightFen: number;
  ok: boolean;
}

export interface LedgerFacts {
  notices: FeeNoticeDoc[];
  payments: PaymentDoc[];
  refunds: RefundDoc[];
  payouts: RefundPayoutDoc[];
}

const sum = <T>(items: T[], f: (item: T) => number) => items.reduce((t, i) => t + f(i), 0);

export function ledgerTotals({ notices, payments, refunds }: LedgerFacts): LedgerTotals {
  const current = notices.filter((n) => !n.supersededBy);
  const income = payments.filter((p) => p.status === 'paid' && !p.duplicate);
  const approved = refunds.filter((r) => r.status === 'approved');
  const refundedFen = sum(approved, (r) => r.payout?.paidFen ?? 0);
  const corrections = notices.filter((n) => n.sequence > 1);
  const currentIds = new Set(current.map((n) => n._id));
  return {
    notices: current.length,
    grossFen: sum(current, (n) => n.grossFen),
    waivedFen: sum(current, (n) => n.exemptFen),
    governmentShareFen: sum(current, (n) => n.governmentShareFen),
    chargedFen: sum(current, (n) => n.chargeFen),
    paidWechatFen: sum(
      income.filter((p) => p.channel === 'wechat'),
      (p) => p.amountFen,
    ),
    paidOfflineFen: sum(
      income.filter((p) => p.channel === 'offline'),
      (p) => p.amountFen,
    ),
    paidFen: sum(income, (p) => p.amountFen),
    outstandingFen: sum(
      current.filter((n) => n.status === 'issued'),
      (n) => n.dueFen,
    ),
    correctionRefundsFen: sum(
      approved.filter((r) => r.kind === 'correction'),
      (r) => r.refundFen ?? 0,
    ),
    requestRefundsFen: sum(
      approved.filter((r) => r.kind === 'request'),
      (r) => r.refundFen ?? 0,
    ),
    requestRefundsOnCurrentFen: sum(
      approved.filter((r) => r.kind === 'request' && currentIds.has(r.noticeId)),
      (r) => r.refundFen ?? 0,
    ),
    refundedFen,
    refundPendingFen: sum(approved, (r) => r.refundFen ?? 0) - refundedFen,
    corrections: corrections.length,
    correctionsNetFen: sum(corrections, (n) => n.difference?.differenceFen ?? 0),
    duplicateFen: sum(
      payments.filter((p) => p.status === 'paid' && p.duplicate),
      (p) => p.amountFen,
    ),
  };
}

/**
 * The identities the account must satisfy, to the fen:
 * - issued − waived = charged (every current notice);
 * - charged − refunds under the refund method on current notices = paid − every approved refund
 *   + outstanding (money kept for a period and money still owed make what the period costs; a
 *   parent's refund under the refund method lowers what is kept without a new notice);
 * - paid by the payments = paid by the notices (every payment recorded on its notice);
 * - refunded by the payouts = refunded on the refunds.
 */
export function ledgerChecks(facts: LedgerFacts, totals: LedgerTotals = ledgerTotals(facts)): LedgerCheck[] {
  const check = (label: string, leftFen: number, rightFen: number): LedgerCheck => ({ label, leftFen, rightFen, ok: leftFen === rightFen });
  const paidOnNotices = sum(
    facts.notices.filter((n) => n.status === 'paid'),
    (n) => n.paidFen ?? 0,
  );
  const paidOut = sum(
    facts.payouts.filter((p) => p.status === 'paid' && !p.refundId.startsWith('duplicate:')),
    (p) => p.amountFen,
  );
  return [
    check('应收合计 − 减免 = 应缴', totals.grossFen - totals.waivedFen, totals.chargedFen),
    check(
      '应缴 − 按退费办法退费 = 已缴 − 全部退费 + 待缴',
      totals.chargedFen - totals.requestRefundsOnCurrentFen,
      totals.paidFen - totals.correctionRefundsFen - totals.requestRefundsFen + totals.outstandingFen,
    ),
    check('缴费记录合计 = 通知上的已缴', totals.paidFen, paidOnNotices),
    check('退款支付记录合计 = 退费上的已退', paidOut, totals.refundedFen),
  ];
}

/** Payments without a paid notice, and paid notices without a payment: what the office must look into. */
export function unmatched(facts: LedgerFacts): { payments: PaymentDoc[]; notices: FeeNoticeDoc[] } {
  const byId = new Map(facts.notices.map((n) => [n._id, n]));
  const paymentIds = new Set(facts.payments.map((p) => p._id));
  return {
    payments: facts.payments.filter((p) => p.status === 'paid' && !p.duplicate && byId.get(p.noticeId)?.paymentId !== p._id),
    notices: facts.notices.filter((n) => n.status === 'paid' && (!n.paymentId || !paymentIds.has(n.paymentId))),
  };
}

/** The documents behind one figure. */
export function entriesOf(facts: LedgerFacts, figure: LedgerFigure): { notices?: FeeNoticeDoc[]; payments?: PaymentDoc[]; refunds?: RefundDoc[] } {
  const current = facts.notices.filter((n) => !n.supersededBy);
  const approved = facts.refunds.filter((r) => r.status === 'approved');
  switch (figure) {
    case 'issued':
    case 'charged':
      return { notices: current };
    case 'waived':
      return { notices: current.filter((n) => n.exemptFen > 0) };
    case 'outstanding':
      return { notices: current.filter((n) => n.status === 'issued') };
    case 'corrections':
      return { notices: facts.notices.filter((n) => n.sequence > 1) };
    case 'paid-wechat':
      return { payments: facts.payments.filter((p) => p.status === 'paid' && !p.duplicate && p.channel === 'wechat') };
    case 'paid-offline':
      return { payments: facts.payments.filter((p) => p.status === 'paid' && !p.duplicate && p.channel === 'offline') };
    case 'refunded':
      return { refunds: approved.filter((r) => (r.payout?.paidFen ?? 0) > 0) };
    case 'refund-pending':
      return { refunds: approved.filter((r) => (r.payout?.paidFen ?? 0) < (r.refundFen ?? 0)) };
    case 'unmatched-payments':
      return { payments: unmatched(facts).payments };
    case 'unmatched-notices':
      return { notices: unmatched(facts).notices };
  }
}
