/**
 * The enrolment workflow as a pure state machine (000 §四(四); 004 §三(六)):
 *
 *   submitted → teacher-reviewed → approved → listed → signed → active
 *
 * - A review (class teacher or school) either passes an application or sends it back for
 *   correction (`returned`, with a reason). There is no "refused": the basic care service may never
 *   turn a student away (001 §二2), and clubs with capacity put the rest on a waiting list instead.
 * - `approved → listed`: the school posts the approved batch publicly (公示) for a listing period.
 *   Once the period is over the school fixes the list (名单确定); only then can parents sign.
 * - `listed → signed → active`: the agreement is signed; the child is active once every required
 *   document is signed (the go-home-alone permit too when the child goes home alone, 003 §七3).
 * - Before approval the parent may cancel (→ withdrawn). After approval the parent applies to
 *   withdraw with an effective date (→ withdrawal-requested) and the school approves (→ withdrawn)
 *   or declines (→ back to where it was). A withdrawn or returned application can be submitted again.
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'teacher-reviewed',
  'returned',
  'approved',
  'listed',
  'signed',
  'active',
  'withdrawal-requested',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已提交，待班主任审核',
  'teacher-reviewed': '班主任已审核，待学校审核',
  returned: '已退回，请修改后重新提交',
  approved: '学校已审核通过，待公示',
  listed: '名单公示中',
  signed: '协议已签署，待签独自回家证',
  active: '已生效，可以参加课后服务',
  'withdrawal-requested': '已申请退出，待学校审批',
  withdrawn: '已退出',
};

/** Short labels (≤ 5 characters: a subscription message's `phrase` field). */
export const APPLICATION_STATUS_SHORT: Record<ApplicationStatus, string> = {
  submitted: '待初审',
  'teacher-reviewed': '待学校审核',
  returned: '已退回',
  approved: '审核通过',
  listed: '公示中',
  signed: '已签协议',
  active: '已生效',
  'withdrawal-requested': '退出审批中',
  withdrawn: '已退出',
};

export type ApplicationEvent =
  | 'teacher-pass'
  | 'teacher-return'
  | 'school-approve'
  | 'school-return'
  | 'post-list'
  | 'sign'
  | 'activate'
  | 'resubmit'
  | 'cancel'
  | 'request-withdrawal'
  | 'approve-withdrawal'
  | 'reject-withdrawal';

export interface TransitionFacts {
  /** sign: the public listing is over and the school fixed the list. */
  listFixed?: boolean;
  /** sign: the child goes home alone and the permit is not signed yet. */
  permitOutstanding?: boolean;
  /** reject-withdrawal: the status before the withdrawal request. */
  statusBeforeWithdrawal?: ApplicationStatus;
}

export type TransitionResult = { ok: true; to: ApplicationStatus } | { ok: false; message: string };

/** Statuses from which the parent may apply to withdraw (the child was approved). */
export const WITHDRAWABLE: readonly ApplicationStatus[] = ['approved', 'listed', 'signed', 'active'];
/** Statuses from which the parent may simply cancel (not yet approved). */
export const CANCELLABLE: readonly ApplicationStatus[] = ['submitted', 'teacher-reviewed', 'returned'];

const fail = (message: string): TransitionResult => ({ ok: false, message });
const to = (status: ApplicationStatus): TransitionResult => ({ ok: true, to: status });

/** The next status, or why the event is not possible now (a Chinese sentence for the user). */
export function transition(from: ApplicationStatus, event: ApplicationEvent, facts: TransitionFacts = {}): TransitionResult {
  switch (event) {
    case 'teacher-pass':
      return from === 'submitted' ? to('teacher-reviewed') : fail(`报名当前状态为「${APPLICATION_STATUS_LABELS[from]}」，不能进行班主任审核`);
    case 'teacher-return':
      return from === 'submitted' ? to('returned') : fail(`报名当前状态为「${APPLICATION_STATUS_LABELS[from]}」，不能退回`);
    case 'school-approve':
      return from === 'teacher-reviewed'
        ? to('approved')
        : fail(from === 'submitted' ? '班主任尚未审核这份报名' : `报名当前状态为「${APPLICATION_STATUS_LABELS[from]}」，不能审核通过`);
    case 'school-return':
      return from === 'teacher-reviewed' ? to('returned') : fail(`报名当前状态为「${APPLICATION_STATUS_LABELS[from]}」，不能退回`);
    case 'post-list':
      return from === 'approved' ? to('listed') : fail('只有学校审核通过的报名可以公示');
    case 'sign':
      if (from !== 'listed') return fail(from === 'signed' || from === 'active' ? '协议已经签署' : '名单公示并确定后才能签署协议');
      if (!facts.listFixed) return fail('名单还在公示期内，公示结束、学校确定名单后即可签署协议');
      return to(facts.permitOutstanding ? 'signed' : 'active');
    case 'activate':
      if (from !== 'signed') return fail('只有已签署协议的报名可以生效');
      return facts.permitOutstanding ? fail('请先签署独自回家证') : to('active');
    case 'resubmit':
      return from === 'returned' || from === 'withdrawn' ? to('submitted') : fail('只有被退回或已退出的报名可以重新提交');
    case 'cancel':
      return CANCELLABLE.includes(from) ? to('withdrawn') : fail('学校审核通过后，请申请退出，由学校审批');
    case 'request-withdrawal':
      return WITHDRAWABLE.includes(from) ? to('withdrawal-requested') : fail(`报名当前状态为「${APPLICATION_STATUS_LABELS[from]}」，不能申请退出`);
    case 'approve-withdrawal':
      return from === 'withdrawal-requested' ? to('withdrawn') : fail('没有待审批的退出申请');
    case 'reject-withdrawal':
      if (from !== 'withdrawal-requested') return fail('没有待审批的退出申请');
      if (!facts.statusBeforeWithdrawal || !WITHDRAWABLE.includes(facts.statusBeforeWithdrawal)) return fail('无法恢复退出申请前的状态');
      return to(facts.statusBeforeWithdrawal);
  }
}

/** Statuses in which the child counts as enrolled (shown on the public list, holds club places). */
export const ENROLLED_STATUSES: readonly ApplicationStatus[] = ['listed', 'signed', 'active'];
/** The public page shows these (masked names and class only). */
export const PUBLIC_LIST_STATUSES: readonly ApplicationStatus[] = ['listed', 'signed', 'active'];
