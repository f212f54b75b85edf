import {
  type ActionContext,
  addManyAudited,
  asData,
  auditIn,
  chunks,
  conflict,
  countWhere,
  findById,
  invalidState,
  isoNow,
  txCreate,
  txGet,
} from '../../cloud';
import type { ApplicationDoc, ClassGroup } from '../../index';
import { type BillingPeriod, type ChargeInput, formatYuan } from '../../policy';
import { billingRunIdOf, type ComputedAmounts, noticeIdOf, noticeRefOf } from '../billing';
import type { BillingRunDoc, FeeNoticeDoc, FeeNoticeWaiver, NoticeFacts, NoticeLine, RefundDoc } from '../types';
import { payOutRefund } from './payments';

/** What a notice is written from: a child's computed bill for a period. */
export interface NoticeSource {
  app: Pick<ApplicationDoc, '_id' | 'studentId' | 'studentName' | 'classId' | 'schoolId' | 'termId'>;
  classGroup: Pick<ClassGroup, '_id' | 'name'>;
  input: ChargeInput;
  amounts: ComputedAmounts;
  facts: NoticeFacts;
}

/** A hardship or a school reduction applies: its engine input is kept apart, in `feeNoticeWaivers`. */
export const needsWaiverRecord = (input: Pick<ChargeInput, 'student'>) => input.student.hardship !== 'none' || input.student.reductionPercent > 0;

/** `set` takes the document without its `_id` (WeChat refuses to write `_id`). */
const body = <T extends { _id: string }>({ _id, ...rest }: T) => asData(rest);

function waiverOf(noticeId: string, source: NoticeSource): FeeNoticeWaiver {
  return {
    _id: noticeId,
    schoolId: source.app.schoolId,
    termId: source.app.termId,
    hardship: source.input.student.hardship,
    reductionPercent: source.input.student.reductionPercent,
  };
}

function noticeOf(ctx: ActionContext, source: NoticeSource, period: BillingPeriod, sequence: number): FeeNoticeDoc {
  const { app, amounts } = source;
  return {
    _id: noticeIdOf(app._id, period.key, sequence),
    applicationId: app._id,
    studentId: app.studentId,
    studentName: app.studentName,
    classId: source.classGroup._id,
    className: source.classGroup.name,
    schoolId: app.schoolId,
    termId: app.termId,
    profileId: source.input.policy,
    periodKey: period.key,
    period: { from: period.from, to: period.to },
    sequence,
    ...amounts,
    paidBeforeFen: 0,
    dueFen: amounts.chargeFen,
    creditFen: 0,
    facts: source.facts,
    status: amounts.chargeFen > 0 ? 'issued' : 'nothing-due',
    issuedAt: isoNow(ctx),
    issuedBy: ctx.caller.openid ?? '',
    revision: 1,
  };
}

/**
 * Writes the period's first notice for each child of a batch, with few round trips whatever its
 * size: the notices and private waiver records that exist are read at once (`_.in`), the period's
 * billing record is made if missing (it freezes the period's attendance for billing), the missing
 * waiver records are added, then the missing notices in one all-or-nothing add with their audit
 * entry (under `batchId`, found again when a killed step redoes the batch). A notice's id is the
 * child's enrolment and the period's key, so a retry or a concurrent call writes nothing twice.
 * The billing record's count is then counted from the notices (never low after a kill). Returns
 * the notices this call wrote.
 */
export async function writeFirstNotices(ctx: ActionContext, sources: NoticeSource[], period: BillingPeriod, batchId: string): Promise<FeeNoticeDoc[]> {
  if (!sources.length) return [];
  const existing = async (collection: 'feeNotices' | 'feeNoticeWaivers', ids: string[]) =>
    new Set(
      (
        await Promise.all(
          chunks(ids).map((part) =>
            ctx.db
              .collection(collection)
              .where({ _id: ctx._.in(part) })
              .field({ _id: true })
              .limit(part.length)
              .get(),
          ),
        )
      ).flatMap(({ data }) => (data as { _id: string }[]).map((d) => d._id)),
    );
  const all = sources.map((source) => ({ source, notice: noticeOf(ctx, source, period, 1) }));
  const issued = await existing(
    'feeNotices',
    all.map((a) => a.notice._id),
  );
  const fresh = all.filter((a) => !issued.has(a.notice._id));
  if (!fresh.length) return [];
  const { schoolId, termId } = fresh[0].notice;
  const runId = billingRunIdOf(schoolId, termId, period.key);
  const now = isoNow(ctx);
  const openid = ctx.caller.openid ?? '';
  await ctx.db.runTransaction(async (t) => {
    if (await txGet<BillingRunDoc>(t, 'feeBillingRuns', runId)) return;
    const run: Omit<BillingRunDoc, '_id'> = {
      schoolId,
      termId,
      periodKey: period.key,
      period: { from: period.from, to: period.to },
      firstIssuedAt: now,
      lastIssuedAt: now,
      lastIssuedBy: openid,
      notices: 0,
    };
    await t
      .collection('feeBillingRuns')
      .doc(runId)
      .set({ data: asData(run) });
  });
  const waived = fresh.filter((a) => needsWaiverRecord(a.source.input));
  const recorded = await existing(
    'feeNoticeWaivers',
    waived.map((a) => a.notice._id),
  );
  const waivers = waived.filter((a) => !recorded.has(a.notice._id)).map((a) => waiverOf(a.notice._id, a.source));
  if (waivers.length) await ctx.db.collection('feeNoticeWaivers').add({ data: waivers as never });
  const notices = fresh.map((a) => a.notice);
  await addManyAudited(ctx, 'feeNotices', batchId, notices, `发出收费通知 ${notices.length} 份（${period.label}）`);
  const count = await countWhere(ctx, 'feeNotices', { schoolId, termId, periodKey: period.key, sequence: 1 });
  await ctx.db
    .collection('feeBillingRuns')
    .doc(runId)
    .update({ data: { notices: count, lastIssuedAt: now, lastIssuedBy: openid } });
  return notices;
}

/**
 * Issues a correction: a new notice for the same child and period that supersedes the latest one,
 * in one transaction (so two corrections, or a correction and a payment, cannot both win). The
 * family owes only what the period now costs less what it already paid for the period; if it paid
 * more, the difference goes back as an approved refund. The superseded notice's amounts never
 * change: it only records which notice replaced it.
 */
export async function supersedeNotice(
  ctx: ActionContext,
  previous: FeeNoticeDoc,
  source: NoticeSource,
  period: BillingPeriod,
  reason: string,
): Promise<FeeNoticeDoc> {
  const { next, credit } = await ctx.db.runTransaction(async (tx) => {
    const current = await txGet<FeeNoticeDoc>(tx, 'feeNotices', previous._id);
    if (!current || current.supersededBy || current.revision !== previous.revision) throw conflict('这份收费通知刚刚有了变化，请刷新后再更正');
    const refund = await txGet<RefundDoc>(tx, 'refunds', current._id);
    if (refund?.status === 'requested') throw invalidState(`${current.studentName}的这份通知有待处理的退费申请，请先处理退费申请再更正`);
    const refunded = refund && refund.kind === 'request' && refund.status === 'approved' ? (refund.refundFen ?? 0) : 0;
    const paidBeforeFen = current.paidBeforeFen + (current.status === 'paid' ? (current.paidFen ?? current.dueFen) : 0) - current.creditFen - refunded;

    const base = noticeOf(ctx, source, period, current.sequence + 1);
    const dueFen = Math.max(0, base.chargeFen - paidBeforeFen);
    const creditFen = Math.max(0, paidBeforeFen - base.chargeFen);
    const next: FeeNoticeDoc = {
      ...base,
      supersedes: current._id,
      correctionReason: reason,
      difference: {
        previousChargeFen: current.chargeFen,
        differenceFen: base.chargeFen - current.chargeFen,
        lines: differenceLines(current.lines, base.lines),
      },
      paidBeforeFen,
      dueFen,
      creditFen,
      status: dueFen > 0 ? 'issued' : 'nothing-due',
    };
    await txCreate(tx, 'feeNotices', next._id, body(next));
    await tx
      .collection('feeNotices')
      .doc(current._id)
      .update({ data: { supersededBy: next._id, supersededAt: next.issuedAt, revision: current.revision + 1 } });
    if (needsWaiverRecord(source.input))
      await tx
        .collection('feeNoticeWaivers')
        .doc(next._id)
        .set({ data: body(waiverOf(next._id, source)) });
    let credit: RefundDoc | null = null;
    if (creditFen > 0) {
      credit = {
        _id: next._id,
        kind: 'correction',
        ...noticeRefOf(next),
        profileId: next.profileId,
        period: next.period,
        paidFen: paidBeforeFen,
        reason,
        status: 'approved',
        requestedBy: next.issuedBy,
        requestedAt: next.issuedAt,
        decidedBy: next.issuedBy,
        decidedAt: next.issuedAt,
        refundFen: creditFen,
        lines: next.difference!.lines,
        revision: 1,
      };
      await txCreate(tx, 'refunds', credit._id, body(credit));
    }
    await auditIn(ctx, tx, {
      targets: [
        { collection: 'feeNotices', id: next._id },
        { collection: 'feeNotices', id: current._id },
        ...(credit ? [{ collection: 'refunds' as const, id: credit._id }] : []),
      ],
      summary: `更正收费通知：${current.studentName}（${reason}）`,
    });
    return { next, credit };
  });
  // What was paid beyond the period's new cost goes back the way it came.
  if (credit) await payOutRefund(ctx, credit);
  return next;
}

/**
 * The difference between two notices of a period, line by line (matched by what the line is and
 * its clause): a corrected attendance shows as a change of the fee line under the fee clause, a
 * hardship declared late as a new waiver line under the exemption clause.
 */
export function differenceLines(before: readonly NoticeLine[], after: readonly NoticeLine[]): NoticeLine[] {
  const key = (line: NoticeLine) => `${line.label}\u0000${line.citation}`;
  const sums = new Map<string, { line: NoticeLine; before: number; after: number }>();
  for (const line of before) {
    const entry = sums.get(key(line)) ?? { line, before: 0, after: 0 };
    entry.before += line.amountFen;
    sums.set(key(line), entry);
  }
  for (const line of after) {
    const entry = sums.get(key(line)) ?? { line, before: 0, after: 0 };
    entry.after += line.amountFen;
    entry.line = line;
    sums.set(key(line), entry);
  }
  return [...sums.values()]
    .filter((e) => e.after !== e.before)
    .map((e) => ({
      label: e.line.label,
      amountFen: e.after - e.before,
      citation: e.line.citation,
      ...(e.line.quote ? { quote: e.line.quote } : {}),
      detail: `原通知 ${formatYuan(e.before)}，更正后 ${formatYuan(e.after)}`,
    }));
}

/** The engine's input a notice was computed from: its facts and, where a waiver applied, the private waiver record. */
export async function noticeChargeInput(ctx: ActionContext, notice: FeeNoticeDoc): Promise<ChargeInput> {
  const waiver = notice.facts.waived ? await findById<FeeNoticeWaiver>(ctx, 'feeNoticeWaivers', notice._id) : null;
  const { facts } = notice;
  return {
    policy: notice.profileId,
    student: { stage: facts.stage, hardship: waiver?.hardship ?? 'none', reductionPercent: waiver?.reductionPercent ?? 0 },
    school: facts.school,
    period: notice.period,
    enrolled: facts.enrolled ?? { from: notice.period.from, to: notice.period.from },
    sessions: facts.sessions,
  };
}
